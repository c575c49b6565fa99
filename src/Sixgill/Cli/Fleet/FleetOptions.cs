using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sixgill.Cli.Fleet;

/// <summary>
/// The options that make a command run on the nodes over SSH instead of on this machine:
/// <c>--all</c> or <c>--node NAME</c>, and how the nodes are reached. Declared once, added to every
/// command that can run on many nodes.
/// </summary>
internal sealed class FleetOptions
{
    public Option<bool> All { get; } = new("--all") { Description = "run on every node of the topology, over SSH, from this machine" };

    public Option<string[]> Nodes { get; } = new("--node")
    {
        Description = "run on this node over SSH (repeatable); like --all, limited to these nodes",
        HelpName = "NAME",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int> Parallel { get; } = new("--parallel")
    {
        Description = "at most this many nodes at once (--all)",
        DefaultValueFactory = _ => 16,
        HelpName = "N",
    };

    public Option<string?> SshKey { get; } = new("--ssh-key")
    {
        Description = "the private key to log in with (default: ~/.ssh/id_ed25519, id_ecdsa, id_rsa)",
        HelpName = "FILE",
    };

    public Option<bool> AcceptNewHostKeys { get; } = new("--accept-new-host-keys")
    {
        Description = "record the host keys of nodes ~/.ssh/known_hosts does not know yet (never a changed one)",
    };

    public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "seconds to wait for a node's SSH server to answer (--all)",
        DefaultValueFactory = _ => 10,
        HelpName = "SECONDS",
    };

    public Option<double> KeepAlive { get; } = new("--keepalive")
    {
        Description = "seconds between keepalives on an idle SSH connection; 0: none (--all)",
        DefaultValueFactory = _ => 15,
        HelpName = "SECONDS",
    };

    public Option<string?> SshKex { get; } = new("--ssh-kex")
    {
        Description = "the SSH key exchange methods to offer, in order, comma-separated (default: mlkem768x25519-sha256, curve25519-sha256 first)",
        HelpName = "NAMES",
    };

    private IEnumerable<Option> Every => [All, Nodes, Parallel, SshKey, AcceptNewHostKeys, ConnectTimeout, KeepAlive, SshKex];

    /// <summary>The options that take a value, so their value is not passed to the nodes either.</summary>
    internal IEnumerable<Option> WithValues => [Nodes, Parallel, SshKey, ConnectTimeout, KeepAlive, SshKex];

    internal IEnumerable<Option> Flags => [All, AcceptNewHostKeys];

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in Every)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether this command line asks for a fleet run.</summary>
    public bool Requested(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // --node is read only when given: the value of an absent array option is an empty array
        // that System.CommandLine makes by reflection (Array.CreateInstance), costly in a NativeAOT build.
        return result.GetValue(All) || (result.GetResult(Nodes) is not null && (result.GetValue(Nodes) ?? []).Length > 0);
    }

    /// <summary>
    /// An option typed that only means something for a run on the nodes, when neither <c>--all</c> nor
    /// <c>--node</c> is given: most likely a forgotten <c>--all</c>, so nothing runs on this machine either.
    /// </summary>
    public Option? Stray(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WithValues.Concat(Flags).FirstOrDefault(option => option != All && option != Nodes && result.GetResult(option) is { Implicit: false });
    }

    /// <summary>Whether a parsed command line (any command) asks for a fleet run: it then handles Ctrl-C itself.</summary>
    public static bool IsFleetRun(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Tokens.Any(t => t.Type == TokenType.Option && t.Value is "--all" or "--node");
    }
}
