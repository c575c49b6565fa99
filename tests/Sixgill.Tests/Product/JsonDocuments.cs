using Sixgill.Addressing;
using Sixgill.Cli.Commands;
using Sixgill.Docker;
using Sixgill.Fleet;
using Sixgill.Host.Docker;
using Sixgill.Lab;
using Sixgill.Machine;
using Sixgill.Tests.Addressing;
using Sixgill.Tests.Cli;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Tests.Verify;
using Sixgill.Verify;

namespace Sixgill.Tests.Product;

/// <summary>
/// One real document of each kind docs/json.md describes, made by the code that writes it: through
/// the in-process command line where it can run as any user, else by the report type itself from
/// sample data (the lab's, which need root and namespaces, and verify's, which needs a network).
/// </summary>
internal static class JsonDocuments
{
    private static string Lab => CliRun.Example("lab.yaml");

    public static readonly IReadOnlyDictionary<string, Func<string>> ByCommand = new Dictionary<string, Func<string>>(StringComparer.Ordinal)
    {
        ["version"] = () => CliRun.Of("version", "-o", "json").Out,
        ["validate"] = () => CliRun.Of("validate", "-c", CliRun.Example("orca.yaml"), "-o", "json").Out,
        ["explain"] = () => CliRun.Of("explain", "-c", Lab, "-o", "json").Out,
        ["error"] = () => CliRun.Of("explain", "-c", Lab, "--host", "vm", "-o", "json").Out,
        ["plan"] = () => CliRun.On(new FakeChangeNode().Environment(), "plan", "-c", Lab, "--host", "w1", "-o", "json").Out,
        ["prepare"] = () => CliRun.On(new FakeChangeNode().Environment(), "prepare", "-c", Lab, "--host", "w1", "-o", "json").Out,
        ["clean"] = Clean,
        ["verify"] = Verify,
        ["lab demo"] = Demo,
        ["lab status --name NAME"] = () => Status().ToJson(),
        ["lab status"] = () => new LabStatusList([Status()]).ToJson(),
        ["lab list"] = () => new LabList([LabListEntry.From(Status())]).ToJson(),
        ["lab down"] = () => LabDownJson.From(new LabDownReport("demo", [], [], new LabSweepReport("demo", [4711], ["/run/sixgill-lab/demo/ns"], ["sg-demo-gw"], true, []))).ToJson(),
        ["images build"] = () => ImagesCommand.Json([new ImageBuildResult(new ServiceImage("dns64", "0123abcd"), "sha256:1234", null, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2))]),
    };

    private static string Clean()
    {
        var node = new FakeChangeNode();
        CliRun.On(node.Environment(), "prepare", "-c", Lab, "--host", "w1");
        return CliRun.On(node.Environment(), "clean", "-c", Lab, "--host", "w1", "-o", "json").Out;
    }

    private static string Verify()
    {
        var cluster = TestClusters.Lab();
        var probes = new VerifyProbes(FakeDns.Healthy(), new FakeResolver(), new FakeHttp { Answer = _ => new HttpProbeResult(null, null, null, HttpProbeError.Timeout, "no response within 6 s") },
            MinionPrograms.Runner());
        var report = VerifyRunner.RunAsync(cluster, AddressPlan.For(cluster), "w1", new VerifyOptions(), probes, CancellationToken.None).GetAwaiter().GetResult();
        return report.ToJson();
    }

    private static string Demo()
    {
        var run = new NodeRun("w1", 0, TimeSpan.FromMilliseconds(40), "", "");
        return new DemoReport("demo", "examples/lab.yaml (built in)",
            [new DemoPhase("verify", TimeSpan.FromMilliseconds(41), [run], [])],
            [new DemoCheck("w1", "http-by-name", DemoCheck.Failed, "no answer from fd00:10:64:ff9b::cb00:7150", "NAT64 on gw", "is TAYGA running?")],
            TimeSpan.FromSeconds(1.9), Kept: false).ToJson();
    }

    private static LabStatus Status() => new("demo", LabStatus.Up, "examples/lab.yaml (built in)", "/tmp/sixgill-lab-demo/config.yaml", 4242,
        [new NamespaceStatus("gw", "gateway", "sg-demo-gw", true, [new InterfaceStatus("eth1", "UP", ["fd00:20::2/64"])], [new ProcessStatus("named", 812)])],
        [new DaemonStatus("dns", "dnsmasq", 700, true, "/run/sixgill-lab/demo/internet/dns.log")]);
}
