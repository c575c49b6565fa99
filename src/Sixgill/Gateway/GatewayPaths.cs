namespace Sixgill.Gateway;

/// <summary>
/// Where the native DNS64/NAT64 services keep their files (docs/gateway.md): configs under
/// <c>/etc/sixgill</c>, state under <c>/var/lib/sixgill</c>, pid files under <c>/run/sixgill</c>
/// (gone at reboot, so a stale pid never outlives the boot it belongs to). The roots are
/// parameters so that tests and the lab can put an instance elsewhere; the file names below them
/// never change.
/// </summary>
internal sealed record GatewayPaths(string ConfigRoot, string StateRoot, string RunRoot = GatewayPaths.DefaultRunRoot)
{
    public const string DefaultConfigRoot = "/etc/sixgill";

    public const string DefaultStateRoot = "/var/lib/sixgill";

    public const string DefaultRunRoot = "/run/sixgill";

    public static GatewayPaths Default { get; } = new(DefaultConfigRoot, DefaultStateRoot);

    public string Dns64ConfigDirectory => $"{ConfigRoot}/dns64";

    public string Dns64Config => $"{Dns64ConfigDirectory}/named.conf";

    /// <summary>named's <c>directory</c>: its working directory and session key.</summary>
    public string Dns64StateDirectory => $"{StateRoot}/dns64";

    /// <summary>Holds named's pid file; <c>bind</c>'s, since named writes it after dropping root.</summary>
    public string Dns64RunDirectory => $"{RunRoot}/dns64";

    public string Dns64PidFile => $"{Dns64RunDirectory}/named.pid";

    public string Dns64SessionKey => $"{Dns64StateDirectory}/session.key";

    public string Nat64ConfigDirectory => $"{ConfigRoot}/nat64";

    public string Nat64Config => $"{Nat64ConfigDirectory}/tayga.conf";

    /// <summary>The NAT44 ruleset as a file, so the NAT64 unit can put it back after a reboot.</summary>
    public string Nat44Ruleset => $"{Nat64ConfigDirectory}/nat44.nft";

    /// <summary>TAYGA's <c>data-dir</c>: it keeps its dynamic address map there.</summary>
    public string Nat64StateDirectory => $"{StateRoot}/nat64";

    public string Nat64RunDirectory => $"{RunRoot}/nat64";

    /// <summary>Written by TAYGA (<c>--pidfile</c>); it does not remove it when it ends.</summary>
    public string Nat64PidFile => $"{Nat64RunDirectory}/tayga.pid";
}
