using System.Text.Json.Serialization;
using Sixgill.Host.Processes;

namespace Sixgill.Lab;

/// <summary>
/// The process that removes a lab when it is done (<c>lab demo</c> without <c>--keep</c>). While it
/// lives the lab is in use; once it is gone (killed, crashed), the lab is a leftover that the
/// next <c>lab up</c> or <c>lab demo</c> of the same name sweeps. Pid and start time together, so a
/// reused pid is not mistaken for the owner.
/// </summary>
internal sealed record LabOwner(int Pid, long StartTime)
{
    public static LabOwner Current() => new(Environment.ProcessId, ProcessTable.Find(Environment.ProcessId)?.StartTime ?? 0);

    [JsonIgnore]
    public bool IsAlive => ProcessTable.Find(Pid) is { } process && process.StartTime == StartTime;
}
