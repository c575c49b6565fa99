using System.Diagnostics;
using System.Globalization;
using Sixgill.Machine;

namespace Sixgill.Cli.Change;

/// <summary>With <c>-vv</c>: every program run, its exit code and how long it took, on stderr.</summary>
internal sealed class TracingProcessRunner(IProcessRunner inner, Action<string> log) : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await inner.RunAsync(request, cancellationToken);
            log(string.Create(CultureInfo.InvariantCulture, $"ran {CommandLine.Format(request.Command)}: exit {result.ExitCode} in {clock.Elapsed.TotalMilliseconds:0.0} ms"));
            return result;
        }
        catch (Exception e)
        {
            log(string.Create(CultureInfo.InvariantCulture, $"ran {CommandLine.Format(request.Command)}: {e.GetType().Name} after {clock.Elapsed.TotalMilliseconds:0.0} ms"));
            throw;
        }
    }

    public IRunningProcess Start(ProcessRequest request) => inner.Start(request);
}
