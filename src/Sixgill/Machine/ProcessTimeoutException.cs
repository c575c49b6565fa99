namespace Sixgill.Machine;

/// <summary>A program did not finish in time and was killed.</summary>
internal sealed class ProcessTimeoutException : TimeoutException
{
    public ProcessTimeoutException(IReadOnlyList<string> command, TimeSpan timeout, string standardError)
        : base($"'{CommandLine.Format(command)}' did not finish within {timeout.TotalSeconds:0.#} s and was killed{Tail(standardError)}")
    {
        Command = command;
    }

    public IReadOnlyList<string> Command { get; }

    private static string Tail(string text) => text.Trim().Length == 0 ? "" : ": " + text.Trim();
}
