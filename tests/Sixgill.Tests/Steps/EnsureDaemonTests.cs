using System.Text;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

public sealed class EnsureDaemonTests
{
    private const string NamedConf = "/etc/sixgill/dns64/named.conf";

    private static FakeGatewayNode ReadyForNamed()
    {
        var node = new FakeGatewayNode();
        node.ApplyUntil("daemon:named");
        return node;
    }

    private static EnsureDaemon Named(FakeGatewayNode node) => node.Step<EnsureDaemon>("daemon:named");

    [Fact]
    public void Named_is_started_as_bind_and_waited_for_and_undo_ends_it_by_its_pid()
    {
        var node = ReadyForNamed();
        var named = Named(node);
        named.Probe(node.Context).ShouldBe(ProbeResult.Absent("not running"));

        var undo = node.Apply(named);

        node.Programs.Log[^1].ShouldBe($"named -u bind -c {NamedConf}");
        node.Programs.Log.ShouldNotContain($"named-checkconf {NamedConf}", "a first start that comes up needs no check: nothing ran that a refused config could cost");
        var process = node.Processes.All.Single(p => p.Name == "named");
        node.Files.Text("/run/sixgill/dns64/named.pid").ShouldBe($"{process.Pid}\n");
        node.Dns.Queries.ShouldBeGreaterThan(0);
        named.Probe(node.Context).ShouldBe(ProbeResult.Present);

        undo.ShouldBe(new StopDaemon("named", NamedConf, "/run/sixgill/dns64/named.pid", WasRunning: false));
        undo.Revert(node.Context).Detail.ShouldBe($"stopped named (pid {process.Pid})");
        node.Processes.Log.ShouldBe([$"Terminate {process.Pid}"]);
        named.Probe(node.Context).State.ShouldBe(ProbeState.Absent);
    }

    [Fact]
    public void A_new_config_restarts_the_daemon_and_its_undo_leaves_the_restarted_one_to_the_entry_that_started_it()
    {
        var node = ReadyForNamed();
        var first = node.Apply(Named(node));
        var old = node.Processes.All.Single(p => p.Name == "named").Pid;
        var file = node.Step<EnsureFile>("file:" + NamedConf);
        var changed = file with { Body = FileBody.FromText(Encoding.UTF8.GetString(file.Body.Bytes) + "// allow_aaaa_use changed\n") };
        var restart = Named(node) with { Daemon = Named(node).Daemon with { ConfigBody = changed.Body } };

        restart.Probe(node.Context).ShouldBe(ProbeResult.Different($"restart: {NamedConf} is about to change"));
        node.Apply(changed);
        node.Programs.Log.Clear();
        var undo = node.Apply(restart);

        node.Programs.Log.ShouldBe([$"named-checkconf {NamedConf}", $"named -u bind -c {NamedConf}"], "the new config is checked before the running one is stopped");
        node.Processes.Log.ShouldBe([$"Terminate {old}"]);

        var now = node.Processes.All.Single(p => p.Name == "named").Pid;
        now.ShouldNotBe(old);
        restart.Probe(node.Context).ShouldBe(ProbeResult.Present);
        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.NothingToDo);
        first.Revert(node.Context).Detail.ShouldBe($"stopped named (pid {now})");
    }

    [Fact]
    public void A_config_written_after_the_daemon_started_is_not_the_one_it_runs()
    {
        var node = ReadyForNamed();
        node.Apply(Named(node));

        node.Files.Write(NamedConf, node.Files.Read(NamedConf)); // same text, written later (a crash before the restart)

        Named(node).Probe(node.Context).ShouldBe(ProbeResult.Different($"restart: {NamedConf} changed after it started"));
    }

    [Fact]
    public void A_config_named_checkconf_refuses_fails_the_step_naming_the_file_and_the_checkers_words()
    {
        var node = ReadyForNamed();
        node.Programs.FailWith = line => line.StartsWith("named-checkconf", StringComparison.Ordinal) ? $"{NamedConf}:9: 'sometimes' unexpected" : null;

        var error = Should.Throw<InvalidOperationException>(() => node.Apply(Named(node)));

        error.Message.ShouldBe($"{NamedConf} is refused by named-checkconf {NamedConf} (exit 1): {NamedConf}:9: 'sometimes' unexpected");
        node.Programs.Log.TakeLast(2).ShouldBe([$"named -u bind -c {NamedConf}", $"named-checkconf {NamedConf}"], "named refused it first; the checker says why");
        node.Processes.All.ShouldBeEmpty();
    }

    [Fact]
    public void Named_failing_on_a_config_the_checker_accepts_fails_the_step_with_nameds_own_words()
    {
        var node = ReadyForNamed();
        node.Programs.FailWith = line => line.StartsWith("named -u", StringComparison.Ordinal) ? "named: couldn't open pid file" : null;

        var error = Should.Throw<InvalidOperationException>(() => node.Apply(Named(node)));

        error.Message.ShouldBe($"named -u bind -c {NamedConf} failed (exit 1): named: couldn't open pid file");
        node.Programs.Log.TakeLast(2).ShouldBe([$"named -u bind -c {NamedConf}", $"named-checkconf {NamedConf}"]);
    }

    [Fact]
    public void A_new_config_the_checker_refuses_leaves_the_running_named_alone()
    {
        var node = ReadyForNamed();
        node.Apply(Named(node));
        var running = node.Processes.All.Single(p => p.Name == "named");
        var file = node.Step<EnsureFile>("file:" + NamedConf);
        var changed = file with { Body = FileBody.FromText(Encoding.UTF8.GetString(file.Body.Bytes) + "forward sometimes;\n") };
        node.Apply(changed);
        node.Programs.FailWith = line => line.StartsWith("named-checkconf", StringComparison.Ordinal) ? $"{NamedConf}:40: 'sometimes' unexpected" : null;
        var restart = Named(node) with { Daemon = Named(node).Daemon with { ConfigBody = changed.Body } };

        Should.Throw<InvalidOperationException>(() => node.Apply(restart)).Message.ShouldBe(
            $"{NamedConf} is refused by named-checkconf {NamedConf} (exit 1): {NamedConf}:40: 'sometimes' unexpected");

        node.Processes.All.Single(p => p.Name == "named").ShouldBe(running);
        node.Processes.Log.ShouldBeEmpty();
    }

    [Fact]
    public void A_server_that_never_answers_fails_the_step_within_its_bound()
    {
        var node = ReadyForNamed();
        node.Dns.Answer = FakeDns.Unreachable;
        var named = Named(node) with { Daemon = Named(node).Daemon with { ReadyTimeout = TimeSpan.Zero } };

        Should.Throw<TimeoutException>(() => node.Apply(named)).Message.ShouldStartWith("named runs but does not answer DNS on fd00:10::100");
    }

    [Fact]
    public void A_pid_file_naming_someone_elses_process_is_not_the_daemon_and_that_process_is_never_signalled()
    {
        var node = ReadyForNamed();
        node.Processes.With(4242, "named", "-c", "/etc/bind/named.conf");
        node.Files.WriteAsDaemon("/run/sixgill/dns64/named.pid", "4242\n");
        var stale = new StopDaemon("named", NamedConf, "/run/sixgill/dns64/named.pid", WasRunning: false);

        Named(node).Probe(node.Context).State.ShouldBe(ProbeState.Absent);
        stale.Revert(node.Context).Status.ShouldBe(UndoStatus.NothingToDo);
        node.Processes.Log.ShouldBeEmpty();
        Named(node).FindUndo(node.Context).ShouldBeNull();
    }

    [Fact]
    public void Tayga_detaches_with_the_pid_file_it_is_given()
    {
        var node = new FakeGatewayNode();
        node.ApplyUntil("daemon:tayga");
        var tayga = node.Step<EnsureDaemon>("daemon:tayga");

        node.Apply(tayga);

        node.Programs.Log[^1].ShouldBe("tayga -c /etc/sixgill/nat64/tayga.conf --pidfile /run/sixgill/nat64/tayga.pid");
        tayga.Probe(node.Context).ShouldBe(ProbeResult.Present);
        Encoding.ASCII.GetString(node.Files.Read("/run/sixgill/nat64/tayga.pid")!).Trim()
            .ShouldBe(node.Processes.All.Single(p => p.Name == "tayga").Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_process_is_told_by_its_program_and_its_config()
    {
        var named = new RunningProgram(7, "named", "/usr/sbin/named", ["/usr/sbin/named", "-u", "bind", "-c", NamedConf]);

        named.Is("named", NamedConf).ShouldBeTrue();
        named.Is("named", "/etc/bind/named.conf").ShouldBeFalse();
        named.Is("tayga", NamedConf).ShouldBeFalse();
        (named with { Name = "isc-net-0000", Executable = "/usr/sbin/named (deleted)" }).Is("named", NamedConf).ShouldBeTrue();
    }
}
