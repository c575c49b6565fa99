namespace Sixgill.Config;

/// <summary>The words the file may use for each choice, in the order the docs and messages list them.</summary>
internal static class ConfigSpellings
{
    public static readonly IReadOnlyList<(string Word, ClusterMode Value)> Modes =
        [("ipv6", ClusterMode.Ipv6), ("dual-stack", ClusterMode.DualStack), ("ipv4", ClusterMode.Ipv4)];

    public static readonly IReadOnlyList<(string Word, CniPlugin Value)> Plugins =
        [("bridge", CniPlugin.Bridge), ("ptp", CniPlugin.Ptp)];

    public static readonly IReadOnlyList<(string Word, ServiceRuntime Value)> Runtimes =
        [("native", ServiceRuntime.Native), ("docker", ServiceRuntime.Docker)];

    public static readonly IReadOnlyList<(string Word, DnssecValidation Value)> DnssecModes =
        [("auto", DnssecValidation.Auto), ("no", DnssecValidation.No)];

    public static readonly IReadOnlyList<(string Word, NodeRoles Value)> Opmodes =
        [("master", NodeRoles.Master), ("minion", NodeRoles.Minion), ("dns64", NodeRoles.Dns64), ("nat64", NodeRoles.Nat64)];

    /// <summary>How the file spells a mode, for messages and output.</summary>
    public static string Of(ClusterMode mode) => Modes.First(m => m.Value == mode).Word;

    /// <summary>The same as <see cref="Of"/>, written after the mode.</summary>
    public static string Word(this ClusterMode mode) => Of(mode);
}
