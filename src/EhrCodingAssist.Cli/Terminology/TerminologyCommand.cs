using System.CommandLine;
using System.Globalization;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Cli.Terminology;

/// <summary><c>ehrcoding terminology import PATH [--year N]</c>: loads an ICD-10-CM release and reports what it holds.</summary>
internal static class TerminologyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "CMS order file (icd10cm_order_YYYY.txt) or a folder with the release files" };
        var year = new Option<int?>("--year") { Description = "Fiscal year, when the file name does not tell it" };
        var import = new Command("import", "Load an ICD-10-CM release and report its counts (validates the files)") { path, year };
        import.SetAction(parse => CliFailure.Guard(stderr, () => Import(parse.GetValue(path)!, parse.GetValue(year), stdout)));
        return new Command("terminology", "Code set files") { import };
    }

    private static int Import(string path, int? year, TextWriter stdout)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new CliInputException($"{path}: no such file or directory");
        }

        var codeSet = CodeSetLoader.LoadIcd(path, year);
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{codeSet.Version}: {codeSet.Count:N0} codes ({codeSet.BillableCount:N0} billable, {codeSet.Count - codeSet.BillableCount:N0} headers) from {codeSet.Source}"));
        return 0;
    }
}
