using Sixgill.Machine;

namespace Sixgill.Tests.Host;

/// <summary>Answers commands from a script and records every argv it was given.</summary>
internal sealed class RecordingProcessRunner : IProcessRunner
{
    private readonly Queue<(int ExitCode, string Stdout, string Stderr)> answers = new();

    public List<string> Commands { get; } = [];

    /// <summary>The next command's answer; unscripted commands succeed with no output.</summary>
    public RecordingProcessRunner Then(string stdout, int exitCode = 0, string stderr = "")
    {
        answers.Enqueue((exitCode, stdout, stderr));
        return this;
    }

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Commands.Add(string.Join(' ', request.Command));
        var (exitCode, stdout, stderr) = answers.TryDequeue(out var answer) ? answer : (0, "", "");
        return Task.FromResult(new ProcessResult(request.Command, exitCode, stdout, stderr, TimeSpan.Zero));
    }
}
