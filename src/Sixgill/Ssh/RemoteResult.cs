namespace Sixgill.Ssh;

/// <summary>How a command on a node ended: its exit status (or the signal that ended it) and its output.</summary>
internal sealed record RemoteResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
