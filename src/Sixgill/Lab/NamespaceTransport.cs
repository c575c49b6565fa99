using Sixgill.Fleet;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// The lab's transport: runs <c>sixgill</c> inside a lab node through <c>nsenter</c> (its network,
/// mount and UTS namespaces), so it sees the node's interfaces, /etc and hostname exactly as on a
/// machine of its own. Nothing is copied: a node shares the machine's file system outside /etc,
/// /var/lib and /run, so it runs this same binary and reads the config from the lab's shared
/// directory under /tmp.
/// </summary>
internal sealed class NamespaceTransport : INodeTransport
{
    /// <summary>What one run of sixgill in a node may take (prepare waits for its daemons).</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private readonly VirtualLab lab;
    private readonly IReadOnlyList<string> program;
    private readonly IReadOnlyDictionary<string, string?>? environment;

    /// <param name="program">How to start sixgill (<see cref="SixgillProgram.Current"/>).</param>
    /// <param name="environment">Variables for every run (a test hook), or null.</param>
    public NamespaceTransport(VirtualLab lab, IReadOnlyList<string> program, string configPath, IReadOnlyDictionary<string, string?>? environment = null)
    {
        this.lab = lab;
        this.program = program;
        this.environment = environment;
        ConfigPath = configPath;
    }

    public string ConfigPath { get; }

    public Task<ProcessResult> RunSixgillAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var request = new ProcessRequest([.. this.program, .. arguments]) { Timeout = RunTimeout, Environment = this.environment };
        return this.lab.Node(node).RunAsync(request, cancellationToken);
    }
}
