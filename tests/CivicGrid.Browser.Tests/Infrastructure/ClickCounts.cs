using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests.Infrastructure;

/// <summary>Counts the clicks a walk takes per role and step, from the role's queue to the step done (issue 18: the
/// dispatcher's and the department's steps in at most three clicks). Typing and choosing a file are not clicks.</summary>
public sealed class ClickCounts
{
    private readonly List<(string Role, string Step, int Clicks)> _steps = [];

    public async Task Click(string role, string step, ILocator target)
    {
        var index = _steps.FindIndex(s => s.Role == role && s.Step == step);
        if (index < 0) _steps.Add((role, step, 1));
        else _steps[index] = (role, step, _steps[index].Clicks + 1);
        await target.ClickAsync();
    }

    public IEnumerable<string> Report() =>
        _steps.GroupBy(s => s.Role).Select(g => $"clicks from the queue — {g.Key}: " +
            string.Join(", ", g.Select(s => $"{s.Step} {s.Clicks}")) + $" (total {g.Sum(s => s.Clicks)})");

    public void AssertAtMost(int most, params string[] roles)
    {
        foreach (var (role, step, clicks) in _steps.Where(s => roles.Contains(s.Role)))
            Assert.True(clicks <= most, $"{role} needed {clicks} clicks for {step} (at most {most})");
        foreach (var role in roles) Assert.Contains(_steps, s => s.Role == role);
    }
}
