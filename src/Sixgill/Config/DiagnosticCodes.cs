namespace Sixgill.Config;

/// <summary>
/// Every diagnostic Sixgill can report. Codes are stable: docs/config.md lists each with an example,
/// and a test checks that the two agree.
/// </summary>
internal static class DiagnosticCodes
{
    // The file itself
    public const string FileUnreadable = "SG000";
    public const string YamlSyntax = "SG001";
    public const string NotAMapping = "SG002";
    public const string DuplicateKey = "SG003";
    public const string UnknownKey = "SG004";
    public const string WrongType = "SG005";
    public const string MissingKey = "SG006";
    public const string FormsMixed = "SG007";
    public const string InvalidAddress = "SG008";
    public const string InvalidNetwork = "SG009";
    public const string WrongFamily = "SG010";
    public const string HostBitsSet = "SG011";
    public const string InvalidChoice = "SG012";
    public const string ConflictingSettings = "SG013";
    public const string NotForMode = "SG014";

    // Roles
    public const string MasterCount = "SG020";
    public const string MasterAndMinion = "SG021";
    public const string UnknownOpmode = "SG022";
    public const string GatewayCount = "SG023";
    public const string GatewaySplit = "SG024";
    public const string GatewayOutsideIpv6 = "SG025";
    public const string NoOpmodes = "SG026";

    // Ids and networks
    public const string IdTooSmall = "SG030";
    public const string DuplicateId = "SG031";
    public const string IdTooLarge = "SG032";
    public const string NetworksOverlap = "SG033";
    public const string OrcaPodPrefix = "SG034";
    public const string PodNodeSize = "SG035";
    public const string ServiceNetTooLarge = "SG036";

    // DNS64 / NAT64
    public const string PoolOutsideSupport = "SG040";
    public const string Nat64V4Outside = "SG041";
    public const string ServiceAddressOutside = "SG042";
    public const string ServiceAddressesEqual = "SG043";
    public const string ServiceAddressIsGateway = "SG044";
    public const string Nat64PoolTooSmall = "SG045";
    public const string Dns64PrefixLength = "SG050";
    public const string Dns64UOctet = "SG051";
    public const string RemoteServer = "SG053";

    // Values that reach command lines and files
    public const string Mtu = "SG060";
    public const string TokenFormat = "SG061";
    public const string CertHashFormat = "SG062";
    public const string SshTarget = "SG063";
    public const string InterfaceName = "SG064";
    public const string HostName = "SG065";
    public const string KubernetesVersion = "SG066";
    public const string ClusterDomain = "SG067";
    public const string KubernetesTooOld = "SG068";
    public const string UnknownHost = "SG070";

    // Warnings
    public const string PlaceholderToken = "SG090";
    public const string Insecure = "SG091";
    public const string IdOne = "SG092";
    public const string WellKnownPrefix = "SG093";
    public const string LabToken = "SG094";
    public const string ConfigReadable = "SG095";

    /// <summary>
    /// Warnings about security — a placeholder or well-known token, a join without CA pinning, a
    /// secret others can read: shown on every run, even with <c>--quiet</c>.
    /// </summary>
    public static bool IsSecurity(string code) => code is PlaceholderToken or Insecure or LabToken or ConfigReadable;
}
