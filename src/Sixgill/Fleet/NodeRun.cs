using System.Text.Json.Serialization;

namespace Sixgill.Fleet;

/// <summary>How one node's run of a command ended.</summary>
internal sealed record NodeRun(string Node, int ExitCode, TimeSpan Elapsed, [property: JsonIgnore] string StandardOutput, [property: JsonIgnore] string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
