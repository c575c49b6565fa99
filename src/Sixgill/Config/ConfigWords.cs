namespace Sixgill.Config;

/// <summary>How the config file spells each choice, for messages and output.</summary>
internal static class ConfigWords
{
    public static string Word(this ClusterMode mode) => mode switch
    {
        ClusterMode.Ipv6 => "ipv6",
        ClusterMode.DualStack => "dual-stack",
        _ => "ipv4",
    };
}
