namespace EhrCodingAssist.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line (BenchmarkDotNet switcher), or
/// <c>generate-ndjson DIR ENCOUNTERS</c> to write the synthetic NDJSON export used by the throughput benchmark, or
/// <c>cpu-figures [RulePack|Ndjson]</c> to time the same operations by CPU time (see <see cref="CpuFigures"/>), or
/// <c>findings-json DIR</c> to write the findings of the benchmark encounters (see <see cref="FindingsDump"/>).
/// </summary>
internal static class BenchmarkProgram
{
    private static void Main(string[] args)
    {
        if (args is ["generate-ndjson", var directory, var encounters])
        {
            var lines = SyntheticNdjson.Write(directory, int.Parse(encounters, System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine($"{lines} lines written to {directory}");
            return;
        }

        if (args is ["findings-json", var output])
        {
            FindingsDump.Run(output);
            return;
        }

        if (args is ["cpu-figures", .. var only] && only.Length <= 1)
        {
            CpuFigures.Run(only.FirstOrDefault());
            return;
        }

        // BenchmarkDotNet's generated child process does not inherit the project's runtimeconfig, and Fhir.Metrics
        // (UCUM) needs predefined-cultures-only off under invariant globalization: pass it by environment instead.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY", "false");
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
