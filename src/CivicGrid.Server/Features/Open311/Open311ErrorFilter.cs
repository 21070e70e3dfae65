using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Open311;

/// <summary>Open311's side of the error pipeline: a <see cref="RequestProblemException"/> thrown under /open311 is
/// answered in GeoReport v2's own format (<see cref="Open311Errors.From"/>), in the format the path asks for.</summary>
internal sealed class Open311ErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RequestProblemException problem)
        {
            var format = Open311Formats.TryParse(context.HttpContext.GetRouteValue("format") as string, out var asked) ? asked : Open311Format.Json;
            return Open311Errors.From(format, problem);
        }
    }
}
