using Evidence = EhrCodingAssist.Clinical.Findings.Evidence;
using System.Globalization;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules.Templates;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Rules.Evaluation;

/// <summary>Turns selected resources into <see cref="Evidence"/> with the engine's one-line summaries.</summary>
internal static class EvidenceBuilder
{
    private const int SnippetLength = 160;

    public static Evidence? From(PocoNode node, SnapshotIndex index)
    {
        if (node.Poco is not Resource { Id: { } id } resource)
        {
            return null;
        }

        var reference = resource.TypeName + "/" + id;
        return resource switch
        {
            Observation o => FromObservation(o, reference, SnapshotIndex.AnalyteOf(node)),
            Condition c => new Evidence(reference, ConceptText(c.Code) + CodeSuffix(c.Code))
            {
                Date = FhirDates.Of(c.Onset) ?? FhirDates.Parse(c.RecordedDate),
            },
            MedicationRequest m => FromMedication(m, reference, index),
            Procedure p => new Evidence(reference, ConceptText(p.Code) + On(FhirDates.Of(p.Performed))) { Date = FhirDates.Of(p.Performed) },
            DocumentReference d => FromNote(d, reference, index),
            _ => new Evidence(reference, resource.TypeName + " " + id),
        };
    }

    private static Evidence FromObservation(Observation o, string reference, AnalyteValue? analyte)
    {
        var time = analyte?.Time ?? FhirDates.Of(o);
        var quantity = analyte is not null ? analyte.Quantity : o.Value as Quantity;
        var display = analyte?.Display ?? ConceptText(o.Code);
        string valueText;
        if (quantity?.Value is { } v)
        {
            var label = Units.UcumConverter.Label(quantity.Code ?? quantity.Unit);
            valueText = " " + TemplateModel.Tidy(v).ToString(CultureInfo.InvariantCulture) + (label.Length == 0 ? string.Empty : label is "%" ? label : " " + label);
        }
        else
        {
            valueText = o.Value switch
            {
                CodeableConcept cc => " " + ConceptText(cc),
                FhirString s => " " + s.Value,
                _ => string.Empty,
            };
        }

        return new Evidence(reference, display + valueText + On(time))
        {
            Value = quantity?.Value,
            Unit = quantity is null ? null : quantity.Code ?? quantity.Unit,
            Date = time,
        };
    }

    private static Evidence FromMedication(MedicationRequest m, string reference, SnapshotIndex index)
    {
        var authored = FhirDates.Parse(m.AuthoredOn);
        var name = MedicationMatcher.Display(m, index.MedicationsById) ?? "Medication";
        var when = authored is { } a ? " " + a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        return new Evidence(reference, name + " ordered" + when) { Date = authored };
    }

    private static Evidence FromNote(DocumentReference d, string reference, SnapshotIndex index)
    {
        var title = d.Description ?? ConceptText(d.Type);
        var text = index.MentionSentence(d) ?? index.NoteTextOf(d);
        var snippet = string.Empty;
        if (text.Length > 0)
        {
            var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            snippet = ": “" + (flat.Length > SnippetLength ? flat[..SnippetLength] + "…" : flat) + "”";
        }

        var date = d.Date is { } dt ? " " + dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        return new Evidence(reference, title + date + snippet) { Date = d.Date };
    }

    private static string On(DateTimeOffset? time) =>
        time is { } t ? " on " + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;

    private static string CodeSuffix(CodeableConcept? code)
    {
        var coding = code?.Coding.FirstOrDefault(c => c.System is "http://hl7.org/fhir/sid/icd-10-cm") ?? code?.Coding.FirstOrDefault();
        return coding?.Code is { } c ? " (" + c + ")" : string.Empty;
    }

    private static string ConceptText(CodeableConcept? c) =>
        c?.Text ?? c?.Coding.FirstOrDefault(x => x.Display is not null)?.Display ?? c?.Coding.FirstOrDefault()?.Code ?? "(uncoded)";
}
