using System.Globalization;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Platform.Web.Localisation;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CivicGrid.Server.Features.CommandCentre.Pages;

/// <summary>The command centre's live behaviour: it subscribes to committed steps once interactive, shows those its
/// user's scope covers newest first, raises an alert (with a sound staff can mute) for new reports and overdue stages,
/// tells the map (wwwroot/js/command.js) to redraw, and re-reads the board at most every few seconds.</summary>
public partial class CommandCentre
{
    private const int FeedLength = 50;
    private static readonly TimeSpan BoardRefresh = TimeSpan.FromSeconds(3);

    private readonly List<RecentStep> _feed = [];
    private readonly List<LiveAlert> _alerts = [];
    private CommandBoard? _board;
    private CaseCounts? _counts;
    private bool _live, _muted;
    private int _refreshing;
    private IDisposable? _subscription;
    private StaffPrincipal? _who;
    private IJSObjectReference? _module;
    private ElementReference _wall, _map;
    private (double Lon, double Lat) _centre = (110.33, 20.02);
    private string _statusNames = "{}", _labels = "{}", _classes = "{}";

    protected override async Task OnInitializedAsync()
    {
        _who = await WhoAsync();
        _statusNames = System.Text.Json.JsonSerializer.Serialize(Enum.GetValues<CaseStatus>().ToDictionary(s => s.ToString(), s => T.Of(s)));
        _labels = MapLabels.Json(T);
        // A scope of its own per read: live events arrive on other threads while the circuit lives.
        await using var scope = Scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        _classes = await MapLabels.ClassNamesAsync(services.GetRequiredService<CatalogueReader>(), UiText.CurrentLanguage == UiText.English);
        if (await services.GetRequiredService<Cases.CaseViews>().OpenCasesCentreAsync(_who.Scope, default) is { } centre) _centre = centre;
        _feed.AddRange(await services.GetRequiredService<CommandCentreFigures>().RecentStepsAsync(_who.Scope, 20, default));
        await ReadBoardAsync(services);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _subscription is not null) return;
        // Subscribe only once the circuit is interactive (not during prerendering), so every event reaches this view.
        _subscription = Events.Subscribe(OnCaseEventAsync);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "/js/command.js");
        _muted = await _module.InvokeAsync<bool>("start", _wall, _map, _board?.Heat ?? []);
        _live = true;
        StateHasChanged();
    }

    private async ValueTask OnCaseEventAsync(CaseEvent caseEvent)
    {
        if (_who is null) return;
        RecentStep? step;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            step = await scope.ServiceProvider.GetRequiredService<CommandCentreFigures>().StepOfAsync(_who.Scope, caseEvent, default);
        }
        if (step is null) return;
        var alert = caseEvent.Action is "report" or "overdue";
        await InvokeAsync(async () =>
        {
            var at = _feed.FindIndex(f => f.At <= step.At); // a live step goes before earlier ones and before those of the same instant
            _feed.Insert(at < 0 ? _feed.Count : at, step);
            if (_feed.Count > FeedLength) _feed.RemoveAt(_feed.Count - 1);
            if (alert) _alerts.Insert(0, new LiveAlert(step));
            StateHasChanged();
            if (_module is not null) await _module.InvokeVoidAsync("arrived", _map, step.Number, alert);
        });
        _ = RefreshBoardSoonAsync();
    }

    /// <summary>Bursts of steps (a batch dispatch) re-read the board once.</summary>
    private async Task RefreshBoardSoonAsync()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        try
        {
            await Task.Delay(BoardRefresh);
            Interlocked.Exchange(ref _refreshing, 0);
            await using var scope = Scopes.CreateAsyncScope();
            await ReadBoardAsync(scope.ServiceProvider);
            await InvokeAsync(async () =>
            {
                StateHasChanged();
                if (_module is not null) await _module.InvokeVoidAsync("heat", _map, _board?.Heat ?? []);
            });
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The wall was closed meanwhile.
        }
    }

    private async Task ReadBoardAsync(IServiceProvider services)
    {
        var now = Time.GetUtcNow();
        _counts = await services.GetRequiredService<CommandCentreFigures>().CountAsync(_who!.Scope, now, Clock.StartOfDay(now), default);
        _board = await services.GetRequiredService<CommandCentreBoard>().GetAsync(_who.Scope, default);
    }

    private async Task ToggleSoundAsync()
    {
        _muted = !_muted;
        if (_module is not null) await _module.InvokeVoidAsync("mute", _muted);
    }

    private static void Acknowledge(LiveAlert alert) => alert.Acknowledged = true;

    private void AcknowledgeAll() => _alerts.ForEach(a => a.Acknowledged = true);

    /// <summary>"14:05" today, "12-02 18:13" before.</summary>
    private string FeedTime(DateTimeOffset at) =>
        Clock.Local(at).ToString(at >= Clock.StartOfDay(Time.GetUtcNow()) ? "HH:mm" : "MM-dd HH:mm", CultureInfo.InvariantCulture);

    private string ActionLabel(string code) => CaseActions.TryParse(code, out var action) ? T["action." + action.ToCode()] : T["history." + code];

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_module is not null)
        {
            try { await _module.DisposeAsync(); }
            catch (JSDisconnectedException) { /* the circuit is gone */ }
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>A live alert (a new report or an overdue stage) until someone on duty acknowledges it.</summary>
public sealed class LiveAlert(RecentStep step)
{
    public RecentStep Step { get; } = step;
    public bool Acknowledged { get; set; }
}
