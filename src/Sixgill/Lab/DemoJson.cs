using System.Text.Json.Serialization;

namespace Sixgill.Lab;

/// <summary>The shape of <c>lab demo --output json</c>: times in milliseconds, field order as declared.</summary>
/// <param name="Proven">What the passed checks prove, in words (empty: no way out was proven, and the demo failed).</param>
internal sealed record DemoJson(string Lab, string Config, bool Passed, bool Kept, double ElapsedMs, IReadOnlyList<string> Proven, IReadOnlyList<DemoPhaseJson> Phases, IReadOnlyList<DemoCheck> Checks)
{
    public static DemoJson From(DemoReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DemoJson(report.Lab, report.ConfigSource, report.Passed, report.Kept, Milliseconds(report.Elapsed), report.Claims,
            [.. report.Phases.Select(p => new DemoPhaseJson(p.Name, p.Succeeded, Milliseconds(p.Elapsed),
                [.. p.Nodes.Select(n => new DemoNodeJson(n.Node, n.ExitCode, Milliseconds(n.Elapsed)))], p.Problems))],
            report.Checks);
    }

    internal static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);
}

internal sealed record DemoPhaseJson(string Name, bool Succeeded, double ElapsedMs, IReadOnlyList<DemoNodeJson> Nodes, IReadOnlyList<string> Problems);

internal sealed record DemoNodeJson(string Node, int ExitCode, double ElapsedMs);

/// <summary>Source-generated JSON (NativeAOT has no reflection serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DemoJson))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
