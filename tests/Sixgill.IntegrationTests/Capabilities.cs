using System.Runtime.InteropServices;

namespace Sixgill.IntegrationTests;

/// <summary>Gives up every capability on the calling thread only (capset acts per thread), to see refusals a non-root user gets.</summary>
internal static partial class Capabilities
{
    private const uint Version3 = 0x20080522; // _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set

    public static void DropAllOnThisThread()
    {
        uint[] header = [Version3, 0];
        var data = new uint[6]; // effective, permitted, inheritable × 2: all empty
        if (Capset(header, data) != 0)
        {
            throw new InvalidOperationException($"capset failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "capset", SetLastError = true)]
    private static partial int Capset(uint[] header, uint[] data);
}
