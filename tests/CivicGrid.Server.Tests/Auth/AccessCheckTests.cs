using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Server.Tests.Auth;

public sealed class AccessCheckTests
{
    private static readonly StaffPrincipal Dispatcher = new(
        7, "dispatcher.xy", "派遣员", Roles.Dispatcher, DataScope.OfDistrict("460106"), "460100");

    private readonly TestLogSink _logs = new();

    [Fact]
    public void Forbidden_Answers403ProblemAndLogsWhoWhatAndWhy()
    {
        var result = AccessCheck.Forbidden(Dispatcher, "close", "case HK001", "closing needs a shift lead", _logs.CreateLogger("Cases"));

        Assert.Equal(403, result.StatusCode);
        Assert.Contains("closing needs a shift lead", result.ProblemDetails.Detail);
        var entry = Assert.Single(_logs.WithEventId(AuthLog.AccessDeniedEventId));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(("dispatcher.xy", "7", "Dispatcher", "close", "case HK001", "closing needs a shift lead"),
            (entry.Property("UserName"), entry.Property("UserId"), entry.Property("Roles"), entry.Property("Action"),
             entry.Property("Resource"), entry.Property("Reason")));
    }

    [Fact]
    public void NotFoundOutOfScope_AnswersExactlyLikeAMissingObjectButLogsTheScope()
    {
        var outOfScope = AccessCheck.NotFoundOutOfScope(Dispatcher, "view", "case HK001", _logs.CreateLogger("Cases"));
        var missing = AccessCheck.NotFound("case HK001");

        Assert.Equal(404, outOfScope.StatusCode);
        Assert.Equal((missing.ProblemDetails.Title, missing.ProblemDetails.Detail, missing.ProblemDetails.Status),
            (outOfScope.ProblemDetails.Title, outOfScope.ProblemDetails.Detail, outOfScope.ProblemDetails.Status));
        var entry = Assert.Single(_logs.WithEventId(AuthLog.AccessDeniedEventId));
        Assert.Equal("404", entry.Property("StatusCode"));
        Assert.Equal("outside the data scope district 460106", entry.Property("Reason"));
    }

    [Theory]
    [InlineData(Roles.Dispatcher, true)]
    [InlineData(Roles.Dispatcher | Roles.Administrator, true)]
    [InlineData(Roles.Administrator, false)]
    [InlineData(Roles.None, false)]
    public void HasAnyRole_IsTrueWhenOneOfTheRolesIsHeld(Roles anyOf, bool expected) =>
        Assert.Equal(expected, Dispatcher.HasAnyRole(anyOf));

    [Fact]
    public void HasRole_NeedsEveryNamedRole()
    {
        Assert.True(Dispatcher.HasRole(Roles.Dispatcher));
        Assert.False(Dispatcher.HasRole(Roles.Dispatcher | Roles.Leader));
        Assert.False(Dispatcher.HasRole(Roles.None));
    }
}
