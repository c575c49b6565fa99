using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Sixgill.Host.Interop;

namespace Sixgill.Host.Files;

/// <summary>Why a file was not read.</summary>
internal enum UnreadFile
{
    None,
    Missing,
    Denied,
    NotRegular,
    TooLarge,
    Other,
}

/// <summary>The bytes of a small regular file, or why there are none (<paramref name="Problem"/> in words for a message).</summary>
internal sealed record BoundedRead(byte[]? Bytes, string? Problem, UnreadFile Why = UnreadFile.None);

/// <summary>
/// Reads a regular file of at most a given size, and names everything else: a directory, a FIFO,
/// a device or a socket is never read (a FIFO with no writer would hang, <c>/dev/zero</c> never
/// ends), and a file past the limit is refused before it is read into memory. The file is opened
/// non-blocking and its kind taken from the open descriptor, so a swap between check and read
/// changes nothing.
/// </summary>
internal static class BoundedFile
{
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int NoSuchFile = 2;
    private const int AccessDenied = 13;
    private const int NotADirectory = 20;
    private const int NoDeviceOrAddress = 6;

    public static BoundedRead Read(string path, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return new BoundedRead(null, "not a file name", UnreadFile.Missing);
        }

        var fd = LibC.Open(path, LibC.ReadOnly | LibC.NonBlocking | LibC.CloseOnExec, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno switch
            {
                NoSuchFile => new BoundedRead(null, "no such file", UnreadFile.Missing),
                NotADirectory => new BoundedRead(null, "a part of the path is not a directory", UnreadFile.Missing),
                AccessDenied => new BoundedRead(null, "permission denied", UnreadFile.Denied),
                NoDeviceOrAddress => KindOf(path) is { } kind ? new BoundedRead(null, kind, UnreadFile.NotRegular) : new BoundedRead(null, Marshal.GetPInvokeErrorMessage(errno), UnreadFile.Other),
                _ => new BoundedRead(null, Marshal.GetPInvokeErrorMessage(errno), UnreadFile.Other),
            };
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (LibC.Statx(fd, "", LibC.EmptyPath, LibC.BasicStats, out var facts) != 0)
        {
            return new BoundedRead(null, Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()), UnreadFile.Other);
        }

        if ((facts.Mode & TypeMask) != RegularType)
        {
            return new BoundedRead(null, Kind(facts.Mode), UnreadFile.NotRegular);
        }

        if (facts.Size > (ulong)maxBytes)
        {
            return new BoundedRead(null, $"it is {facts.Size} bytes, more than the {Limit(maxBytes)} a config file may be", UnreadFile.TooLarge);
        }

        // At most one byte past the limit: a file that grows while being read (or a /proc file, size 0) is still bounded.
        var buffer = new byte[Math.Min(maxBytes + 1, (int)facts.Size + 4096)];
        var total = 0;
        try
        {
            using var stream = new FileStream(handle, FileAccess.Read, 1);
            int read;
            while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total == buffer.Length && total <= maxBytes)
                {
                    Array.Resize(ref buffer, Math.Min(maxBytes + 1, buffer.Length * 2));
                }
                else if (total > maxBytes)
                {
                    return new BoundedRead(null, $"it is larger than the {Limit(maxBytes)} a config file may be", UnreadFile.TooLarge);
                }
            }
        }
        catch (IOException e)
        {
            return new BoundedRead(null, e.Message, UnreadFile.Other);
        }

        return new BoundedRead(buffer[..total], null);
    }

    private static string Limit(int maxBytes) => maxBytes % 1048576 == 0 ? $"{maxBytes / 1048576} MiB" : $"{maxBytes} bytes";

    private static string? KindOf(string path) =>
        LibC.Statx(LibC.CurrentDirectory, path, 0, LibC.BasicStats, out var facts) == 0 ? Kind(facts.Mode) : null;

    private static string Kind(int mode) => (mode & TypeMask) switch
    {
        0x4000 => "it is a directory, not a file",
        0x1000 => "it is a FIFO (named pipe), not a regular file",
        0x2000 => "it is a character device, not a regular file",
        0x6000 => "it is a block device, not a regular file",
        0xC000 => "it is a socket, not a regular file",
        _ => "it is not a regular file",
    };
}
