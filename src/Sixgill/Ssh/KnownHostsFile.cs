namespace Sixgill.Ssh;

/// <summary>
/// The user's known_hosts file (<c>~/.ssh/known_hosts</c>): read once per run, appended to when a new
/// key is trusted (<c>--accept-new-host-keys</c>). The directory is made 0700 and the file 0600 when
/// they do not exist yet, as ssh makes them. Appends from nodes connecting at once are serialized.
/// </summary>
internal sealed class KnownHostsFile
{
    private readonly Lock gate = new();
    private KnownHosts? hosts;

    public KnownHostsFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The file in the home directory (the <c>HOME</c> variable, as ssh uses it).</summary>
    public static KnownHostsFile OfHome(string home) => new(System.IO.Path.Combine(home, ".ssh", "known_hosts"));

    public KnownHosts Read()
    {
        lock (this.gate)
        {
            return this.hosts ??= File.Exists(Path) ? KnownHosts.Parse(File.ReadAllText(Path)) : new KnownHosts([]);
        }
    }

    public void Add(string host, int port, HostKey key)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("known_hosts is written on Linux only");
        }

        var line = KnownHosts.NewLine(host, port, key);
        lock (this.gate)
        {
            var directory = System.IO.Path.GetDirectoryName(Path)!;
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var fresh = !File.Exists(Path);
            var existing = fresh ? "" : File.ReadAllText(Path);
            var separator = existing.Length > 0 && !existing.EndsWith('\n') ? "\n" : "";
            using (var stream = new FileStream(Path, new FileStreamOptions
            {
                Mode = FileMode.Append,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(separator + line + "\n");
            }

            hosts = KnownHosts.Parse(existing + separator + line + "\n");
        }
    }
}
