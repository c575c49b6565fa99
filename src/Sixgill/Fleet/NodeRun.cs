using System.Text.Json.Serialization;

namespace Sixgill.Fleet;

/// <summary>How one node's run of a command ended.</summary>
/// <param name="ExitCode">The node's sixgill's exit code; <see cref="NotStartedCode"/> when it never ran.</param>
internal sealed record NodeRun(string Node, int ExitCode, TimeSpan Elapsed, [property: JsonIgnore] string StandardOutput, [property: JsonIgnore] string StandardError)
{
    /// <summary>The exit code a node that was not started counts as (a failed run: its work was not done).</summary>
    public const int NotStartedCode = 1;

    public bool Succeeded => ExitCode == 0 && NotStarted is null;

    /// <summary>Why it was not started (<c>gw failed</c>, <c>interrupted</c>), or null when it ran.</summary>
    public string? NotStarted { get; init; }

    public static NodeRun Skipped(string node, string reason) => new(node, NotStartedCode, TimeSpan.Zero, "", "") { NotStarted = reason };
}
