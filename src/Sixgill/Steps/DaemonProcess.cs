using System.Diagnostics;
using System.Globalization;
using Sixgill.DnsProtocol;
using Sixgill.Gateway;
using Sixgill.Machine;
using Sixgill.Steps.Text;
using Sixgill.Values;

namespace Sixgill.Steps;

/// <summary>
/// What the daemon steps share, whichever way the daemon is supervised: finding it by its pid file,
/// telling whether it runs an old config, checking its config, waiting for it, stopping it.
/// </summary>
internal static class DaemonProcess
{
    /// <summary>Time a daemon gets to end after SIGTERM (TAYGA takes up to a second) before SIGKILL.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan DnsQueryTimeout = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The process its pid file names, if that is still this program run with this config (a pid
    /// can be reused by anything once the daemon is gone: then it is not ours to touch).
    /// </summary>
    public static RunningProgram? Find(StepContext context, string program, string config, string pidFile)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = FileText.Decode(context.Files.Read(pidFile)).Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 1
            && context.RequireServices().Processes.Find(pid) is { } process && process.Is(program, config)
            ? process
            : null;
    }

    /// <summary>Why the running daemon runs another config than the plan's; null when it runs the plan's.</summary>
    public static string? OutdatedConfig(StepContext context, DaemonSpec daemon)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(daemon);
        var content = context.Files.Read(daemon.Config);
        if (content is null || !daemon.ConfigBody.Matches(content))
        {
            return $"{daemon.Config} is about to change";
        }

        // The daemon writes its pid file after reading its config: a config written later is not the one it runs.
        return context.Files.Stat(daemon.Config) is { } config && context.Files.Stat(daemon.PidFile) is { } pid && config.Modified > pid.Modified
            ? $"{daemon.Config} changed after it started"
            : null;
    }

    /// <summary>Runs the config check; a config the daemon would refuse fails the step with the checker's words.</summary>
    public static void CheckConfig(StepContext context, DaemonSpec daemon)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        if (daemon.ConfigCheck.IsEmpty)
        {
            return;
        }

        var check = context.RequireServices().Programs.Run(daemon.ConfigCheck);
        if (!check.Succeeded)
        {
            throw new InvalidOperationException(
                $"{daemon.Config} is refused by {string.Join(' ', daemon.ConfigCheck)} (exit {check.ExitCode}): {(check.StandardOutput + check.StandardError).Trim()}");
        }
    }

    /// <summary>Starts the daemon directly (it forks; its parent's exit ends the run).</summary>
    public static void Start(StepContext context, DaemonSpec daemon)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        var start = context.RequireServices().Programs.Run([daemon.Program, .. daemon.Arguments]);
        if (!start.Succeeded)
        {
            throw new InvalidOperationException(
                $"{daemon.Program} {string.Join(' ', daemon.Arguments)} failed (exit {start.ExitCode}): {(start.StandardError + start.StandardOutput).Trim()}");
        }
    }

    /// <summary>Waits, bounded, until the pid file names the running daemon and, for a DNS server, it answers.</summary>
    public static RunningProgram WaitUntilReady(StepContext context, DaemonSpec daemon)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        var clock = Stopwatch.StartNew();
        RunningProgram? found = null;
        if (!Poll.Until(() => (found = Find(context, daemon.Program, daemon.Config, daemon.PidFile)) is not null, daemon.ReadyTimeout, clock)
            || found is not { } process)
        {
            throw new TimeoutException($"{daemon.Program} did not come up within {daemon.ReadyTimeout.TotalSeconds:0.#} s: {daemon.PidFile} names no running {daemon.Program} -c {daemon.Config}");
        }

        if (daemon.AnswersDnsAt is { } address)
        {
            WaitUntilAnswers(context, daemon, address, clock);
            RequireOnlyListener(context, process, address);
        }

        return process;
    }

    /// <summary>Once it answers: no process but this one may hold port 53 on its address (a second one would get part of the queries).</summary>
    private static void RequireOnlyListener(StepContext context, RunningProgram process, Ip address)
    {
        var others = Dns64PortRule.Others(context.RequireServices().Ports.On(Dns64PortRule.Port, likelyOwner: process.Pid), System.Net.IPAddress.Parse(address.ToString()), process.Pid);
        if (others.Count > 0)
        {
            throw new InvalidOperationException(
                $"{process.Name} (pid {process.Pid}) answers on {address}, but other processes hold port {Dns64PortRule.Port} there too: "
                + string.Join(", ", others.Select(l => $"{l} ({l.Unit ?? l.Process?.Name ?? "unknown"}{(l.Process is { } p ? $", pid {p.Pid}" : "")})")));
        }
    }

    /// <summary>SIGTERM, then SIGKILL after <see cref="StopGrace"/>; returns once the pid is gone.</summary>
    public static void Stop(StepContext context, RunningProgram process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var processes = context.RequireServices().Processes;
        processes.Signal(process.Pid, ProcessSignal.Terminate);
        if (processes.WaitUntilGone(process.Pid, StopGrace))
        {
            return;
        }

        processes.Signal(process.Pid, ProcessSignal.Kill);
        if (!processes.WaitUntilGone(process.Pid, StopGrace))
        {
            throw new InvalidOperationException($"{process.Name} (pid {process.Pid}) did not end after SIGKILL");
        }
    }

    // version.bind (class CHAOS) is answered by named itself: any reply, even REFUSED, means it listens.
    private static void WaitUntilAnswers(StepContext context, DaemonSpec daemon, Ip address, Stopwatch clock) =>
        WaitUntilAnswers(context, $"{daemon.Program} runs but", address, daemon.ReadyTimeout, clock);

    /// <summary>Waits, bounded, until a DNS server at <paramref name="address"/> replies to <c>version.bind</c> (CHAOS TXT).</summary>
    /// <param name="what">Who is waited for, in the timeout's message.</param>
    /// <param name="clock">Started when the wait began (the daemon's start), or null to start now.</param>
    public static void WaitUntilAnswers(StepContext context, string what, Ip address, TimeSpan timeout, Stopwatch? clock = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = new DnsClient(context.RequireServices().Dns);
        DnsLookup? lookup = null;
        bool Answered() => (lookup = client.QueryAsync(address.ToIPAddress(), "version.bind", DnsRecordType.Txt, DnsClass.Chaos, DnsQueryTimeout, attempts: 1)
            .GetAwaiter().GetResult()).Answered;
        if (!Poll.Until(Answered, timeout, clock))
        {
            throw new TimeoutException($"{what} does not answer DNS on {address} within {timeout.TotalSeconds:0.#} s ({lookup?.Detail})");
        }
    }
}
