using MiniExcelLibs;

namespace ReformBot.Host.Tests.Support;

/// <summary>An .xlsx read back with MiniExcel, another library than the one that writes it.</summary>
public sealed class Xlsx
{
    private readonly string _path;

    public Xlsx(string path) => _path = path;

    public static Xlsx From(byte[] bytes, TempDirectory dir)
    {
        var path = dir.File($"{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, bytes);
        return new Xlsx(path);
    }

    public IReadOnlyList<string> SheetNames => MiniExcel.GetSheetNames(_path);

    /// <summary>Every row, the title row first, then the header row, each cell by its column letter (A, B, …).</summary>
    public IReadOnlyList<IDictionary<string, object?>> Rows(string sheet) =>
        MiniExcel.Query(_path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();

    /// <summary>The rows below the header (row 2, under the title row), each cell by its header text.</summary>
    public IReadOnlyList<IDictionary<string, object?>> Table(string sheet) =>
        MiniExcel.Query(_path, useHeaderRow: true, sheetName: sheet, startCell: "A2").Cast<IDictionary<string, object?>>().ToList();
}
