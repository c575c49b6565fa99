namespace Sixgill.Ssh;

/// <summary>What ssh says when a host key is not trusted, in OpenSSH's words, so that a person who knows ssh recognises it.</summary>
internal static class HostKeyMessages
{
    /// <summary>OpenSSH's warning for a changed key, with both SHA256 fingerprints and the offending lines.</summary>
    public static string Changed(string node, string host, int port, HostKey offered, HostKeyVerdict verdict, string file)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(verdict);
        var lines = new List<string>
        {
            "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
            "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @",
            "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
            "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!",
            "Someone could be eavesdropping on you right now (man-in-the-middle attack)!",
            "It is also possible that a host key has just been changed.",
            $"The fingerprint for the {offered.DisplayName} key sent by the remote host is",
            offered.Fingerprint + ".",
        };
        foreach (var line in verdict.Lines)
        {
            lines.Add($"The {line.Key.DisplayName} key known for it in {file}:{line.Number} is");
            lines.Add(line.Key.Fingerprint + ".");
        }

        lines.Add("Please contact your system administrator.");
        lines.Add($"Add correct host key in {file} to get rid of this message.");
        lines.AddRange(verdict.Lines.Select(l => $"Offending {l.Key.DisplayName} key in {file}:{l.Number}"));
        lines.Add($"Host key for {KnownHosts.HostName(host, port)} has changed and you have requested strict checking.");
        lines.Add($"Host key verification failed: node {node} was not changed.");
        return string.Join("\n", lines);
    }

    public static string Unknown(string node, string host, int port, HostKey offered, string file) =>
        $"node {node}: the authenticity of host '{KnownHosts.HostName(host, port)}' can't be established; its {offered.DisplayName} key fingerprint is "
        + $"{offered.Fingerprint} and {file} does not know it. Host key verification failed: node {node} was not changed.";

    public static string UnknownFix(string host, int port) =>
        $"check the fingerprint on the node (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then run again with --accept-new-host-keys, or add it with 'ssh-keyscan -p {port} {host} >> ~/.ssh/known_hosts'";

    public static string ChangedFix(string host, int port, string file) =>
        $"if the node was reinstalled, remove the old key with 'ssh-keygen -R \"{KnownHosts.HostName(host, port)}\" -f {file}' and run again (--accept-new-host-keys never replaces a changed key)";

    public static string Revoked(string node, HostKey offered, HostKeyVerdict verdict, string file) =>
        $"node {node}: its {offered.DisplayName} key {offered.Fingerprint} is marked @revoked in {file}:{verdict.Lines[0].Number}. Host key verification failed.";
}
