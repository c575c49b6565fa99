using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// The one fake <see cref="IProcessRunner"/>: it records every request and answers from a script.
/// The answer to a command is, in this order: "not installed" for a program made
/// <see cref="Missing"/>; the next queued answer (<see cref="Then(string, int, string)"/>); the latest
/// standing answer whose command matches (<see cref="When"/>); otherwise success with no output, or,
/// with <see cref="OnlyScripted"/>, "not installed". Output reaches the request's callbacks chunk by
/// chunk, as the real runner passes it on. Safe to call from several threads.
/// </summary>
internal sealed class FakeProcessRunner : IProcessRunner
{
    private readonly List<ProcessRequest> requests = [];
    private readonly Queue<Answer> queued = new();
    private readonly List<(Func<IReadOnlyList<string>, bool> Matches, Answer Answer)> standing = [];
    private readonly HashSet<string> missing = [];

    /// <summary>A command nothing in the script answers is a program that is not installed (instead of a quiet success).</summary>
    public bool OnlyScripted { get; init; }

    /// <summary>Every request, in the order it came.</summary>
    public IReadOnlyList<ProcessRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Every command line run, its words joined by spaces.</summary>
    public IReadOnlyList<string> Commands => [.. Requests.Select(r => string.Join(' ', r.Command))];

    /// <summary>The next command's answer.</summary>
    public FakeProcessRunner Then(string stdout, int exitCode = 0, string stderr = "") => Then([stdout], [stderr], exitCode);

    /// <summary>The next command's answer, its output given to the callbacks in these chunks.</summary>
    public FakeProcessRunner Then(string[] stdout, string[] stderr, int exitCode = 0) => Enqueue(new Answer(stdout, stderr, exitCode, null));

    /// <summary>The next command throws (an overrun, say) instead of answering.</summary>
    public FakeProcessRunner ThenThrow(Func<ProcessRequest, Exception> error) => Enqueue(new Answer([], [], 0, error));

    /// <summary>Every matching command gets this answer; a later <see cref="When"/> wins over an earlier one.</summary>
    public FakeProcessRunner When(Func<IReadOnlyList<string>, bool> matches, string stdout, int exitCode = 0, string stderr = "")
    {
        lock (requests)
        {
            standing.Add((matches, new Answer([stdout], [stderr], exitCode, null)));
        }

        return this;
    }

    /// <summary><paramref name="program"/> is not installed: running it throws <see cref="ProgramNotFoundException"/>.</summary>
    public FakeProcessRunner Missing(string program)
    {
        lock (requests)
        {
            missing.Add(program);
        }

        return this;
    }

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Play(request, Choose(request)));
    }

    private FakeProcessRunner Enqueue(Answer answer)
    {
        lock (requests)
        {
            queued.Enqueue(answer);
        }

        return this;
    }

    private Answer? Choose(ProcessRequest request)
    {
        var command = request.Command;
        lock (requests)
        {
            requests.Add(request);
            if (missing.Contains(command[0]))
            {
                return null;
            }

            if (queued.TryDequeue(out var next))
            {
                return next;
            }

            for (var i = standing.Count - 1; i >= 0; i--)
            {
                if (standing[i].Matches(command))
                {
                    return standing[i].Answer;
                }
            }

            return OnlyScripted ? null : new Answer([], [], 0, null);
        }
    }

    private static ProcessResult Play(ProcessRequest request, Answer? answer)
    {
        if (answer is null)
        {
            throw new ProgramNotFoundException(request.Command[0], new FileNotFoundException("No such file or directory"));
        }

        if (answer.Error is { } error)
        {
            throw error(request);
        }

        foreach (var chunk in answer.Stdout.Where(c => c.Length > 0))
        {
            request.OnStandardOutput?.Invoke(chunk);
        }

        foreach (var chunk in answer.Stderr.Where(c => c.Length > 0))
        {
            request.OnStandardError?.Invoke(chunk);
        }

        return new ProcessResult(request.Command, answer.ExitCode, string.Concat(answer.Stdout), string.Concat(answer.Stderr), TimeSpan.Zero);
    }

    private sealed record Answer(string[] Stdout, string[] Stderr, int ExitCode, Func<ProcessRequest, Exception>? Error);
}
