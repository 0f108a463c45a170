using System.Runtime.InteropServices;

namespace ReformBot.Host.Storage;

/// <summary>
/// Files for the process's own user only: the database holds contacts' names and reports, and the endpoint
/// file holds the admin token. On Windows the ACLs of the user's profile apply instead.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>
    /// Makes every file this process creates from now on owner-only (umask 077). LiteDB creates its log file
    /// itself, with the default mode, at a moment of its choosing; only the umask reaches that file.
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows()) _ = Umask(0b000_111_111);
    }

    /// <summary>Creates <paramref name="path"/> owner-only if it does not exist; an existing directory is left as its owner made it.</summary>
    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>Takes group's and others' permissions away from an existing file (one created before this version).</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        if ((File.GetUnixFileMode(path) & ~FileMode) != 0) File.SetUnixFileMode(path, File.GetUnixFileMode(path) & FileMode);
    }

    /// <summary>Options that create a file owner-only, replacing an existing one's content (and its permissions: see <see cref="WriteNew"/>).</summary>
    public static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return options;
    }

    /// <summary>
    /// Writes a new owner-only file at <paramref name="path"/>: written beside it and renamed over it, so an
    /// existing file (perhaps planted, perhaps readable by others) is replaced, never reused with its permissions.
    /// </summary>
    public static void WriteNew(string path, Action<Stream> write)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions()))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Why a file this process is about to trust (an endpoint file) must not be trusted: not owned by this
    /// process's user, writable by group or others, or in a directory that is. Null when it may be trusted.
    /// </summary>
    public static string? Distrust(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var (item, isDirectory) in new[] { (path, false), (directory, true) })
        {
            if ((File.GetAttributes(item) & FileAttributes.ReparsePoint) != 0 && !isDirectory) return $"{item} is a symbolic link";
            var mode = File.GetUnixFileMode(item);
            // A shared directory with the sticky bit (like /tmp) still lets others plant new files; only the owner's own directory is safe.
            if ((mode & GroupOrOthersWrite) != 0) return $"{item} is writable by other users";
            if (OwnerOf(item) is { } owner && owner != CurrentUser() && owner != 0) return $"{item} belongs to another user (uid {owner})";
        }
        return null;
    }

    /// <summary>The owner's user id; null where it cannot be read (not Linux).</summary>
    private static uint? OwnerOf(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        // statx: its layout is the same on every Linux architecture, unlike struct stat. stx_uid is at byte 20.
        var buffer = new byte[256];
        const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
        const uint StatxUid = 0x8;
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxUid, buffer) != 0)
            throw new IOException($"Cannot read the owner of {path} (errno {Marshal.GetLastPInvokeError()}).");
        return BitConverter.ToUInt32(buffer, 20);
    }

    private static uint CurrentUser() => GetEuid();

    // Plain DllImport: LibraryImport would need unsafe code for these three blittable calls.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
