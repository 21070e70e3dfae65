using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CivicGrid.Server.Platform.Web.Shared;

/// <summary>Base of staff pages: the signed-in member of staff (pages are only reachable signed in, through the
/// fallback policy, so a missing principal is a bug, not a user error).</summary>
public abstract class StaffComponent : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected async Task<StaffPrincipal> WhoAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        return (state is null ? null : StaffPrincipal.From(state.User))
            ?? throw new InvalidOperationException("A staff page was rendered without a signed-in member of staff.");
    }
}
