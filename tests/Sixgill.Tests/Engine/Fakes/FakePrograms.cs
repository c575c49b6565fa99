using System.Text;
using System.Text.RegularExpressions;
using Sixgill.Facts;
using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// The one fake <see cref="IPrograms"/>: a node's programs, acting on the other fakes as the real
/// ones act on a node: <c>tayga --mktun</c> makes the tunnel, <c>named</c> and <c>tayga</c> start a
/// daemon that writes its pid file, <c>modprobe br_netfilter</c> makes the module's marker and
/// sysctl appear (<c>-r</c> takes them away), <c>named-checkconf</c> and <c>apparmor_parser</c>
/// answer, <c>named</c> refuses (exit 1, silent) a config <c>named-checkconf</c> is made to refuse. Only <see cref="Installed"/> programs run; <see cref="FailWith"/> fails a chosen run.
/// Every run is logged.
/// </summary>
internal sealed partial class FakePrograms(FakeFiles files, FakeNetwork network, FakeProcessTable processes, Doom? doom = null, FakeSysctl? sysctl = null) : IPrograms
{
    private const string BridgeNetfilterSysctl = "net.bridge.bridge-nf-call-ip6tables";

    private readonly Doom doom = doom ?? new Doom();
    private readonly FakeSysctl sysctl = sysctl ?? new FakeSysctl();

    public HashSet<string> Installed { get; } = ["named", "named-checkconf", "tayga", "nft", "apparmor_parser"];

    /// <summary>Makes the matching run (by its command line) exit 1 with this text on stderr.</summary>
    public Func<string, string?> FailWith { get; set; } = _ => null;

    public List<string> Log { get; } = [];

    public string? Find(string program) => Installed.Contains(program) ? "/usr/sbin/" + program : null;

    public ProcessResult Run(IReadOnlyList<string> command, string? standardInput = null)
    {
        var line = string.Join(' ', command);
        if (command[0] == "named-checkconf")
        {
            doom.Check(); // reads only
        }
        else
        {
            doom.Change();
        }

        Log.Add(line);
        if (Find(command[0]) is null)
        {
            throw new ProgramNotFoundException(command[0], new IOException("No such file or directory"));
        }

        if (FailWith(line) is { } error)
        {
            return new ProcessResult(command, 1, "", error, TimeSpan.Zero);
        }

        switch (command[0])
        {
            case "tayga" when command.Contains("--mktun"):
                if (network.FindLink("nat64") is null)
                {
                    network.AddLink("nat64");
                }

                return Done(command, "Created persistent tun device nat64\n");
            case "tayga":
                return StartDaemon("tayga", command, command[command.ToList().IndexOf("--pidfile") + 1]);
            case "modprobe" when command[^1] == "br_netfilter":
                LoadBridgeNetfilter(loaded: !command.Contains("-r"));
                return Done(command);
            case "named" when FailWith($"named-checkconf {command[^1]}") is not null:
                // Like BIND 9.18: named refuses what its checker refuses, exit 1 and not a word on
                // stdout or stderr (it tells syslog).
                return new ProcessResult(command, 1, "", "", TimeSpan.Zero);
            case "named":
                var config = Encoding.UTF8.GetString(files.Read(command[^1]) ?? throw new FileNotFoundException(command[^1]));
                return StartDaemon("named", command, PidFileLine().Match(config).Groups[1].Value);
            default:
                return Done(command);
        }
    }

    // Like the kernel: the module brings its sysctl (at the kernel's default, 0) and the marker file; unloading takes both.
    private void LoadBridgeNetfilter(bool loaded)
    {
        if (loaded)
        {
            files.WithFile(BridgeNetfilterReader.Marker, "0\n");
            sysctl.With(BridgeNetfilterSysctl, "0");
        }
        else
        {
            files.Delete(BridgeNetfilterReader.Marker);
            sysctl.Remove(BridgeNetfilterSysctl);
        }
    }

    private ProcessResult StartDaemon(string program, IReadOnlyList<string> command, string pidFile)
    {
        if (!files.DirectoryExists(Path.GetDirectoryName(pidFile)!))
        {
            return new ProcessResult(command, 1, "", $"couldn't open pid file '{pidFile}': file not found", TimeSpan.Zero);
        }

        // named removes its pid file when it ends; TAYGA leaves its own behind.
        var process = processes.Spawn(program, command.Skip(1).ToList(), program == "named" ? () => files.RemoveAsDaemon(pidFile) : null);
        files.WriteAsDaemon(pidFile, $"{process.Pid}\n");
        return Done(command);
    }

    private static ProcessResult Done(IReadOnlyList<string> command, string output = "") => new(command, 0, output, "", TimeSpan.Zero);

    [GeneratedRegex("pid-file \"([^\"]+)\";")]
    private static partial Regex PidFileLine();
}
