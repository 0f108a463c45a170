using System.Runtime.InteropServices;

namespace ReformBot.Host.Storage;

/// <summary>
/// Forcing what is written to a file onto the disk (fsync). What a process has written survives the
/// process being killed; only what is forced to disk also survives a power cut. The force applies to the
/// file, whichever handle wrote it, so a read-only handle of our own forces what LiteDB wrote.
/// </summary>
internal static class DiskFlush
{
    /// <summary>Forces the file's contents to disk; false when there is no such file.</summary>
    public static bool File(string path)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        using (handle) RandomAccess.FlushToDisk(handle);
        return true;
    }

    /// <summary>
    /// Forces a directory's entries to disk, so that a file created in it is found after a power cut.
    /// .NET opens no handle on a directory, hence libc; elsewhere than Linux and macOS there is nothing to do.
    /// </summary>
    public static void Directory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var descriptor = Open(path, ReadOnly);
        if (descriptor < 0) throw new IOException($"Cannot open {path} (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(descriptor) != 0) throw new IOException($"Cannot force {path} to disk (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            Close(descriptor);
        }
    }

    private const int ReadOnly = 0;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
