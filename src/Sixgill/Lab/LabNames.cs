using System.Text.RegularExpressions;

namespace Sixgill.Lab;

/// <summary>
/// Every name and path a lab uses on the machine, derived from the lab's name alone, so that a
/// later run (<c>lab down</c> after a crash) finds exactly what an earlier one made and nothing else.
/// </summary>
/// <remarks>
/// Lab names have no hyphen: then <c>sg-&lt;lab&gt;-</c> is a prefix that no other lab's names
/// share (<c>sg-demo-</c> can never match lab <c>demo2</c> or <c>demo-x</c>).
/// </remarks>
internal sealed partial class LabNames
{
    /// <summary>The lab <c>sixgill lab</c> commands use without <c>--name</c>.</summary>
    public const string DefaultLab = "demo";

    /// <summary>Where every lab keeps its namespace files, overlay layers and logs.</summary>
    public const string WorkRoot = "/run/sixgill-lab";

    /// <summary>The switch namespace's suffix; no node may be called this.</summary>
    public const string SwitchSuffix = "sw";

    /// <summary>The internet namespace's suffix; no node may be called this.</summary>
    public const string InternetSuffix = "inet";

    /// <summary>The access network's switch namespace suffix; no node may be called this.</summary>
    public const string AccessSuffix = "acc";

    /// <summary>The admin node of a lab with an access network: where a person types <c>--all</c>.</summary>
    public const string AdminNode = "admin";

    /// <summary>
    /// Where labs share files with their nodes: a node's own /run hides the work root, while /tmp
    /// is the machine's in every node.
    /// </summary>
    public const string SharedRoot = "/tmp";

    /// <summary>Where <c>ip netns</c> keeps its namespace files.</summary>
    public const string NetnsDirectory = "/run/netns";

    private const int MaxLabNameLength = 12;
    private const int MaxNodeNameLength = 40;

    public LabNames(string lab)
    {
        if (!IsValidLabName(lab))
        {
            throw new ArgumentException(
                $"lab name '{lab}' is not usable: use 1 to {MaxLabNameLength} lower-case letters or digits (no '-', so the lab's names cannot overlap another lab's)",
                nameof(lab));
        }

        Lab = lab;
    }

    public string Lab { get; }

    /// <summary>What every network namespace of this lab starts with: <c>sg-&lt;lab&gt;-</c>.</summary>
    public string NamespacePrefix => $"sg-{Lab}-";

    public string Switch => NamespacePrefix + SwitchSuffix;

    public string Internet => NamespacePrefix + InternetSuffix;

    public string Access => NamespacePrefix + AccessSuffix;

    /// <summary>The nodes' sshd configs and host keys, and the admin's authorized key (sshd in a node reads them here).</summary>
    public string SshDirectory => $"{SharedDirectory}/ssh";

    /// <summary>The admin node's HOME: its own key and known_hosts, never the machine's ~/.ssh.</summary>
    public string AdminHome => $"{SharedDirectory}/admin";

    public string WorkDirectory => $"{WorkRoot}/{Lab}";

    /// <summary>What the lab's processes recorded for later ones (<c>lab status</c>, <c>exec</c>, <c>down</c>): config, daemons, owner.</summary>
    public string StateFile => $"{WorkDirectory}/lab.json";

    /// <summary>The directory every node sees (<c>/tmp/sixgill-lab-&lt;lab&gt;</c>), for the config the nodes read.</summary>
    public string SharedDirectory => $"{SharedRoot}/sixgill-lab-{Lab}";

    /// <summary>The cluster file as the nodes see it: <c>sixgill prepare -c</c> this, in any node.</summary>
    public string NodeConfig => $"{SharedDirectory}/config.yaml";

    /// <summary>A private mount holding the files that keep the nodes' mount and UTS namespaces alive.</summary>
    public string NamespaceFileDirectory => $"{WorkDirectory}/ns";

    /// <summary><c>sg-&lt;lab&gt;-&lt;name&gt;</c> for a node or any other namespace the lab (or a test) adds, such as a pod's.</summary>
    public string Namespace(string name)
    {
        if (!IsValidNodeName(name))
        {
            throw new ArgumentException($"'{name}' is not usable in a namespace name: {NodeNameRule}", nameof(name));
        }

        return NamespacePrefix + name;
    }

    public string MountNamespaceFile(string node) => $"{NamespaceFileDirectory}/{node}.mnt";

    public string UtsNamespaceFile(string node) => $"{NamespaceFileDirectory}/{node}.uts";

    public string NodeDirectory(string node) => $"{WorkDirectory}/nodes/{node}";

    public static string NetnsPath(string namespaceName) => $"{NetnsDirectory}/{namespaceName}";

    /// <summary>Whether a network namespace belongs to this lab (exact prefix).</summary>
    public bool Owns(string namespaceName) => namespaceName.StartsWith(NamespacePrefix, StringComparison.Ordinal) && namespaceName.Length > NamespacePrefix.Length;

    /// <summary>Whether a mount point lies in this lab's work directory.</summary>
    public bool OwnsPath(string path) => path == WorkDirectory || path.StartsWith(WorkDirectory + "/", StringComparison.Ordinal);

    /// <summary>The lab a namespace name belongs to (<c>sg-demo-gw</c> → <c>demo</c>), or null for names no lab made.</summary>
    public static string? LabOfNamespace(string namespaceName)
    {
        var match = LabNamespacePattern().Match(namespaceName);
        return match.Success ? match.Groups[1].Value : null;
    }

    public static bool IsValidLabName(string? name) => name is not null && LabNamePattern().IsMatch(name);

    /// <summary>Node names become namespace names, directory names and hostnames: keep them to a hostname label.</summary>
    public static bool IsValidNodeName(string? name) => name is not null && name.Length <= MaxNodeNameLength && NodeNamePattern().IsMatch(name);

    public const string NodeNameRule = "use lower-case letters, digits and inner '-' (a hostname label of at most 40 characters)";

    [GeneratedRegex("^[a-z0-9]{1,12}$")]
    private static partial Regex LabNamePattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex NodeNamePattern();

    [GeneratedRegex("^sg-([a-z0-9]{1,12})-[a-z0-9]")]
    private static partial Regex LabNamespacePattern();
}
