using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Cli;

/// <summary>An input problem that ends the command with exit code 2 and a one-line message.</summary>
internal sealed class CliInputException(string message) : Exception(message);

/// <summary>Turns the expected failures of a command into one line on stderr and exit code 2.</summary>
internal static class CliFailure
{
    public const int InputError = 2;

    /// <summary>Runs <paramref name="action"/>; input, rule-pack and code-set errors become exit code 2.</summary>
    public static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (CliInputException ex)
        {
            return Fail(stderr, ex.Message);
        }
        catch (RulePackLoadException ex)
        {
            return Fail(stderr, "broken rule pack: " + ex.Message);
        }
        catch (CodeSetFormatException ex)
        {
            return Fail(stderr, "broken code set: " + ex.Message);
        }
        catch (IOException ex)
        {
            return Fail(stderr, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail(stderr, ex.Message);
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("ehrcoding: " + message.ReplaceLineEndings(" "));
        return InputError;
    }
}
