using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Server.Features.Cases;

/// <summary>When the department's feedback (处理反馈) must carry a photo of the site after handling (issue 18 item 2).
/// A case standard has no separate flag for it: its closing condition (结案条件, what the check must find) says so in
/// words, e.g. "垃圾清运完毕，现场干净，附处置后照片". A closing condition that mentions a photo (照片 / 拍照 / photo)
/// makes the after-photo required; the API answers 400 naming <c>attachmentIds</c>, the case page the photo field.</summary>
public static class AfterPhotoRule
{
    private static readonly string[] Words = ["照片", "拍照", "photo"];

    public static bool Requires(CaseStandard? standard) =>
        standard?.ClosingCondition is { } condition && Words.Any(w => condition.Contains(w, StringComparison.OrdinalIgnoreCase));
}
