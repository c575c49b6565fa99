namespace Sixgill.Ssh;

/// <summary>
/// How <c>--all</c> knows what is already on a node without hashing it on every run. Once the
/// files are there and checked, it records each one's SHA-256 with the file's identity on that node
/// (device, inode, size, modification and change times to the nanosecond) in
/// <see cref="Delivery.Record"/>. The next check hashes only a file the record does not vouch for:
/// any write, chmod or replacement changes the change time, which nobody can set back. For the
/// 27 MB program that saves about 0.1 s of the node's CPU on every <c>--all</c>.
/// </summary>
/// <remarks>
/// The scripts are plain POSIX shell with coreutils' <c>stat</c> and <c>sha256sum</c> and
/// <c>awk</c>, as on every Debian and Ubuntu machine. The record's lines are
/// <c>HASH PATH IDENTITY</c>; paths never hold white space or a quote (<see cref="DeliveredFile"/>
/// refuses them). The check is one <c>stat</c> and one <c>awk</c> (which reads the record itself), so
/// a node that needs no hash starts two programs for it: every program started on a node costs it
/// a few milliseconds of CPU, for each node at every run.
/// </remarks>
internal static class DeliveryRecord
{
    /// <summary>Starts the line the check prints before hashing a file the record does not vouch for.</summary>
    public const string Unrecorded = "unrecorded ";

    private const string Identity = "%d:%i:%s:%.9Y:%.9Z";

    /// <summary>
    /// A script printing <c>HASH  PATH</c> (as <c>sha256sum</c> does) for each of <paramref name="paths"/>
    /// that is there: from <paramref name="record"/> when the file's identity is the recorded one, else
    /// from <c>sha256sum</c> after a line <c>unrecorded PATH</c>. A missing file prints nothing.
    /// </summary>
    public static string Check(IEnumerable<string> paths, string record) =>
        $"stat -c '%n {Identity}' -- {ShellWords.Join(paths)} 2>/dev/null | awk -v record={ShellWords.Quote(record)}"
        + " 'BEGIN { while ((getline line < record) > 0) { split(line, f, \" \"); known[f[2] \" \" f[3]] = f[1] } }"
        + $" {{ key = $1 \" \" $2; if (key in known) print known[key] \"  \" $1; else {{ print \"{Unrecorded}\" $1; system(\"sha256sum -- \\047\" $1 \"\\047\") }} }}'";

    /// <summary>
    /// A script that checks each of <paramref name="sent"/> against its SHA-256 there (exit 4 with a
    /// line naming the first that arrived damaged), then records every one of <paramref name="files"/>
    /// in <paramref name="record"/> (replaced whole; a record that cannot be written only costs a hash next time).
    /// </summary>
    public static string Write(IReadOnlyList<DeliveredFile> files, IReadOnlyList<DeliveredFile> sent, string record)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sent);
        var checks = sent.Select(f =>
            $"[ \"$(sha256sum < {ShellWords.Quote(f.RemotePath)} | cut -c1-64)\" = {f.Sha256} ] || {{ echo {ShellWords.Quote($"{f.RemotePath} arrived damaged: its SHA-256 there is not the one sent")} >&2; exit 4; }}; ");
        var lines = files.Select(f =>
            $"i=$(stat -c '{Identity}' -- {ShellWords.Quote(f.RemotePath)}) && echo {f.Sha256} {ShellWords.Quote(f.RemotePath)} \"$i\"");
        var temporary = ShellWords.Quote(record + ".new");
        return string.Concat(checks)
            + $"{{ {string.Join(" && ", lines)}; }} > {temporary} && mv -f {temporary} {ShellWords.Quote(record)} || rm -f {temporary}";
    }

    /// <summary>The SHA-256 of each file the check found (by path), and whether any was hashed because the record did not vouch for it.</summary>
    public static (IReadOnlyDictionary<string, string> Hashes, bool Unrecorded) Read(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var unrecorded = false;
        foreach (var line in lines)
        {
            if (line.StartsWith(Unrecorded, StringComparison.Ordinal))
            {
                unrecorded = true;
            }
            else if (line.Split("  ", 2) is [var hash, var path])
            {
                hashes[path] = hash;
            }
        }

        return (hashes, unrecorded);
    }
}

/// <summary>What a node holds of a delivery: the SHA-256 of each file there (by remote path), and whether any was hashed because the node's record did not vouch for it.</summary>
internal sealed record FilesThere(IReadOnlyDictionary<string, string> Hashes, bool Unrecorded);
