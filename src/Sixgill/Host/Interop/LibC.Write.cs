using System.Runtime.InteropServices;

namespace Sixgill.Host.Interop;

internal static partial class LibC
{
    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nint count);
}
