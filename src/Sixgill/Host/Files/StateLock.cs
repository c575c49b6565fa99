using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Sixgill.Host.Interop;
using Sixgill.Machine;

namespace Sixgill.Host.Files;

/// <summary>
/// <c>&lt;state-dir&gt;/lock</c>, held with <c>flock(2)</c>: the kernel drops the lock when the holder
/// exits however it exits (kill -9 included), so a crash never leaves a stale lock behind. The holder
/// writes its pid into the file so that the one refused can name it.
/// </summary>
/// <remarks>
/// The file is opened with libc <c>open</c>, not <see cref="FileStream"/>: .NET takes its own shared
/// flock on every file it opens, which would make the second run fail before it could read the pid.
/// </remarks>
internal sealed class StateLock(string path) : IRunLock
{
    public string Path { get; } = path;

    public IDisposable Acquire()
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path) ?? "/");
        }
        catch (IOException e)
        {
            throw new PreconditionFailedException($"cannot create the state directory for the lock {Path}: {e.Message}; nothing was changed", e);
        }

        var fd = LibC.Open(Path, LibC.ReadWrite | LibC.Create | LibC.CloseOnExec, (uint)(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead));
        if (fd < 0)
        {
            throw new PreconditionFailedException($"cannot open the lock: {LibC.Error("open", Path).Message} (run as root?)");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        while (LibC.Flock(fd, LibC.LockExclusive | LibC.LockNonBlocking) != 0)
        {
            var error = LibC.Error("flock", Path);
            if (error.HResult == LibC.Interrupted)
            {
                continue;
            }

            var holder = error.HResult == LibC.WouldBlock ? ReadPid(handle) : null;
            handle.Dispose();
            throw error.HResult == LibC.WouldBlock ? new LockHeldException(Path, holder) : error;
        }

        _ = LibC.Ftruncate(fd, 0);
        try
        {
            RandomAccess.Write(handle, Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"), 0);
        }
        catch (IOException e)
        {
            handle.Dispose();
            throw new PreconditionFailedException($"cannot write the lock {Path}: {e.Message}; nothing was changed (is the state directory's file system full?)", e);
        }

        return new Held(handle);
    }

    private static int? ReadPid(SafeFileHandle handle)
    {
        var buffer = new byte[32];
        var length = RandomAccess.Read(handle, buffer, 0);
        return int.TryParse(Encoding.ASCII.GetString(buffer, 0, length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private sealed class Held(SafeFileHandle handle) : IDisposable
    {
        public void Dispose()
        {
            if (!handle.IsClosed)
            {
                // Clear the pid first so nobody reads a stale one; closing releases the flock.
                _ = LibC.Ftruncate((int)handle.DangerousGetHandle(), 0);
                handle.Dispose();
            }
        }
    }
}
