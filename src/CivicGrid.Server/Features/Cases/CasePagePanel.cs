using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Cases;

/// <summary>A panel a later feature adds to the staff case page (ADR 0014 rule 2: Cases may not name a later feature,
/// so the feature registers its component here, e.g. the public service's "公开内容" review). The component receives
/// the case the page loaded within the user's scope as its <c>Case</c> parameter and checks the user's roles itself.</summary>
public sealed record CasePagePanel(Type Component)
{
    public Dictionary<string, object> Parameters(Case @case) => new() { ["Case"] = @case };
}
