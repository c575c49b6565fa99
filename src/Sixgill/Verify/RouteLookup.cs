using System.Text.Json;

namespace Sixgill.Verify;

/// <summary>The route the kernel picks for one destination, as <c>ip -j route get</c> prints it.</summary>
internal sealed record RouteLookup(string? Gateway, string? Device, string? Source)
{
    public static IReadOnlyList<string> Command(string destination) => ["ip", "-j", "route", "get", destination];

    /// <summary>Reads <c>[{"dst":…,"gateway":…,"dev":…,"prefsrc":…}]</c>; null when there is no route in it.</summary>
    public static RouteLookup? Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
            {
                return null;
            }

            var route = document.RootElement[0];
            return new RouteLookup(Field(route, "gateway"), Field(route, "dev"), Field(route, "prefsrc"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() =>
        string.Join(' ', new[] { Gateway is null ? null : $"via {Gateway}", Device is null ? null : $"dev {Device}", Source is null ? null : $"src {Source}" }
            .Where(p => p is not null));

    private static string? Field(JsonElement route, string name) =>
        route.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
