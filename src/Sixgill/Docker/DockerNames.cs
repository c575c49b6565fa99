namespace Sixgill.Docker;

/// <summary>
/// The names the docker runtime gives what it creates (docs/gateway.md, Orca's names), and the label
/// that marks them as Sixgill's: a container or network of the same name without the label was
/// made by someone else and is never replaced or removed.
/// </summary>
internal static class DockerNames
{
    public const string SupportNetwork = "support_net";

    public const string Dns64Container = "bind9";

    public const string Nat64Container = "tayga";

    /// <summary>Label on everything Sixgill creates; its value says which part it is.</summary>
    public const string RoleLabel = "sixgill.role";

    public const string SupportNetworkRole = "support-network";

    public const string Dns64Role = "dns64";

    public const string Nat64Role = "nat64";
}
