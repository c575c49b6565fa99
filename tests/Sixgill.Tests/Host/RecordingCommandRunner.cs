using Sixgill.Host;

namespace Sixgill.Tests.Host;

/// <summary>Answers commands from a script and records every argv (and stdin) it was given.</summary>
internal sealed class RecordingCommandRunner : ICommandRunner
{
    private readonly Queue<Func<IReadOnlyList<string>, CommandOutput>> answers = new();

    public List<string> Commands { get; } = [];

    /// <summary>The next command's answer; unscripted commands succeed with no output.</summary>
    public RecordingCommandRunner Then(string stdout, int exitCode = 0, string stderr = "")
    {
        answers.Enqueue(argv => new CommandOutput(argv, exitCode, stdout, stderr));
        return this;
    }

    public CommandOutput Run(IReadOnlyList<string> argv, string? input = null, TimeSpan? timeout = null)
    {
        Commands.Add(string.Join(' ', argv));
        return answers.TryDequeue(out var answer) ? answer(argv) : new CommandOutput(argv, 0, "", "");
    }
}
