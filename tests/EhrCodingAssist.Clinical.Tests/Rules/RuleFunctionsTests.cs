using EhrCodingAssist.Clinical.Tests.Rules.Support;
using Hl7.Fhir.Model;
using static EhrCodingAssist.Clinical.Tests.Rules.Support.Fhir;

namespace EhrCodingAssist.Clinical.Tests.Rules;

public sealed class RuleFunctionsTests
{
    [Fact]
    public void Observations_AnalyteLoincSet_MatchesAnyVariantInEncounterOrderedByTime()
    {
        var snapshot = Snap(
            Lab("late", "38483-4", 1.5m, "mg/dL", "2026-03-12T08:00:00Z"),
            Lab("early", "2160-0", 1.0m, "mg/dL", "2026-03-10T09:00:00Z"),
            Lab("other-analyte", "2345-7", 90m, "mg/dL", "2026-03-11T08:00:00Z"),
            Lab("before-encounter", "2160-0", 0.8m, "mg/dL", "2026-03-01T08:00:00Z", linkEncounter: false));

        Assert.Equal(["early", "late"], Expressions.Ids("observations('creatinine')", snapshot));
    }

    [Fact]
    public void Observations_EnteredInErrorOrCancelled_Excluded()
    {
        var bad = Lab("bad", "2160-0", 3m, "mg/dL", "2026-03-11T08:00:00Z");
        bad.Status = ObservationStatus.EnteredInError;
        var cancelled = Lab("cancelled", "2160-0", 3m, "mg/dL", "2026-03-11T09:00:00Z");
        cancelled.Status = ObservationStatus.Cancelled;
        var snapshot = Snap(bad, cancelled, Lab("ok", "2160-0", 1m, "mg/dL", "2026-03-11T10:00:00Z"));

        Assert.Equal(["ok"], Expressions.Ids("observations('creatinine')", snapshot));
    }

    [Fact]
    public void Observations_UnlinkedButWithinPeriod_Included()
    {
        var snapshot = Snap(Lab("unlinked", "2160-0", 1m, "mg/dL", "2026-03-11T10:00:00Z", linkEncounter: false));

        Assert.Equal(["unlinked"], Expressions.Ids("observations('creatinine')", snapshot));
    }

    [Fact]
    public void ValueIn_ComponentAnalytes_ReadsTheMatchingComponent()
    {
        var snapshot = Snap(BloodPressure("bp1", 88m, 52m, "2026-03-11T10:00:00Z"));

        Assert.Equal(88m, Expressions.Scalar("observations('systolic-bp').latest().valueIn('mm[Hg]')", snapshot));
        Assert.Equal(52m, Expressions.Scalar("observations('diastolic-bp').latest().valueIn('mm[Hg]')", snapshot));
    }

    [Fact]
    public void ValueIn_MicromolesPerLitre_ConvertedToMgPerDlWithMolarMass()
    {
        var snapshot = Snap(Lab("c1", "2160-0", 106.08m, "umol/L", "2026-03-11T10:00:00Z"));

        var mg = (decimal)Expressions.Scalar("observations('creatinine').valueIn('mg/dL')", snapshot)!;

        Assert.Equal(1.20m, Math.Round(mg, 2));
    }

    [Fact]
    public void ValueIn_UnconvertibleUnit_Dropped()
    {
        var snapshot = Snap(Lab("c1", "2160-0", 5m, "/min", "2026-03-11T10:00:00Z"), Lab("c2", "2160-0", 1.1m, "mg/dL", "2026-03-11T11:00:00Z"));

        Assert.Equal(1.1m, Expressions.Scalar("observations('creatinine').valueIn('mg/dL')", snapshot));
    }

    [Fact]
    public void MaxInMinIn_MixedUnits_ComparedAfterConversion()
    {
        var snapshot = Snap(
            Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("b", "2160-0", 176.8m, "umol/L", "2026-03-11T10:00:00Z"));

        Assert.Equal(2.0m, Math.Round((decimal)Expressions.Scalar("observations('creatinine').maxIn('mg/dL')", snapshot)!, 2));
        Assert.Equal(1.0m, Math.Round((decimal)Expressions.Scalar("observations('creatinine').minIn('mg/dL')", snapshot)!, 2));
        Assert.Null(Expressions.Scalar("observations('glucose').maxIn('mg/dL')", snapshot));
    }

    [Fact]
    public void RiseWithin_RiseInsideWindow_ReturnsLargestRise()
    {
        var snapshot = Snap(
            Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("b", "2160-0", 1.2m, "mg/dL", "2026-03-11T10:00:00Z"),
            Lab("c", "2160-0", 1.4m, "mg/dL", "2026-03-12T09:00:00Z"));

        Assert.Equal(0.4m, Expressions.Scalar("observations('creatinine').riseWithin(48, 'mg/dL')", snapshot));
        Assert.Equal(0.2m, Expressions.Scalar("observations('creatinine').riseWithin(24, 'mg/dL')", snapshot));
        Assert.Equal(true, Expressions.Scalar("observations('creatinine').riseWithin(48, 'mg/dL') >= 0.3", snapshot));
    }

    [Fact]
    public void RiseWithin_RiseSpreadBeyondWindow_NotCounted()
    {
        var snapshot = Snap(
            Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("b", "2160-0", 1.5m, "mg/dL", "2026-03-13T10:00:00Z"));

        Assert.Equal(0m, Expressions.Scalar("observations('creatinine').riseWithin(48, 'mg/dL')", snapshot));
    }

    [Fact]
    public void RatioWithin_ValueVersusLowestInWindow_IncludingPriorBaseline()
    {
        var snapshot = Snap(
            Lab("baseline", "2160-0", 0.8m, "mg/dL", "2026-03-07T10:00:00Z", linkEncounter: false),
            Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("b", "2160-0", 1.3m, "mg/dL", "2026-03-12T10:00:00Z"));

        Assert.Equal(1.3m, Expressions.Scalar("observations('creatinine').ratioWithin(7)", snapshot));
        Assert.Equal(1.625m, Expressions.Scalar("(priorObservations('creatinine', 7) | observations('creatinine')).ratioWithin(7)", snapshot));
        Assert.Equal(["baseline"], Expressions.Ids("priorObservations('creatinine', 7)", snapshot));
    }

    [Fact]
    public void RecentObservations_SameItemsInSameOrderAsTheUnionOfPriorAndEncounterObservations()
    {
        // "early" is linked to the encounter but taken before it starts: it is in both lists, and the union keeps it
        // once. "dup" is a second, deep-equal copy of "a": FHIRPath's union drops it too. "A" (id differing in case)
        // and the second "late" (same id, another value) are not equal to anything and stay.
        var dup = Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-11T10:00:00Z");
        var snapshot = Snap(
            Lab("late", "2160-0", 1.4m, "mg/dL", "2026-03-12T10:00:00Z"),
            Lab("late", "2160-0", 1.3m, "mg/dL", "2026-03-12T11:00:00Z"),
            Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-11T10:00:00Z"),
            dup,
            Lab("A", "2160-0", 1.0m, "mg/dL", "2026-03-11T10:00:00Z"),
            Lab("early", "2160-0", 0.9m, "mg/dL", "2026-03-08T10:00:00Z"),
            Lab("baseline", "38483-4", 0.8m, "mg/dL", "2026-03-07T10:00:00Z", linkEncounter: false),
            Lab("too-old", "2160-0", 0.7m, "mg/dL", "2026-02-01T10:00:00Z", linkEncounter: false));
        var index = Expressions.Index(snapshot);

        var recent = Expressions.Eval("recentObservations('creatinine', 7)", index);
        var union = Expressions.Eval("priorObservations('creatinine', 7) | observations('creatinine')", index);

        Assert.Equal(["baseline", "early", "a", "A", "late", "late"], recent.Select(n => (n.Poco as Resource)?.Id));
        Assert.Equal(union, recent, ReferenceEqualityComparer.Instance);
        Assert.Equal(1.4m / 0.8m, Expressions.Scalar("recentObservations('creatinine', 7).ratioWithin(7)", snapshot));
    }

    [Fact]
    public void RecentObservations_EncounterWithoutStart_OnlyTheEncounterObservations()
    {
        var snapshot = new Clinical.Snapshot.EncounterSnapshot
        {
            Encounter = Encounter(start: null!, end: null),
            Patient = Patient(),
            Resources = [Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-11T10:00:00Z"), Lab("b", "2160-0", 1.2m, "mg/dL", "2026-03-12T10:00:00Z")],
        };
        var index = Expressions.Index(snapshot);

        Assert.Equal(
            Expressions.Eval("priorObservations('creatinine', 7) | observations('creatinine')", index),
            Expressions.Eval("recentObservations('creatinine', 7)", index),
            ReferenceEqualityComparer.Instance);
        Assert.Equal(["a", "b"], Expressions.Ids("recentObservations('creatinine', 7)", snapshot));
    }

    [Fact]
    public void RatioWithin_SingleValue_Empty()
    {
        var snapshot = Snap(Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"));

        Assert.Null(Expressions.Scalar("observations('creatinine').ratioWithin(7)", snapshot));
    }

    [Fact]
    public void Icd10_PrefixesWithOrWithoutDots_MatchCodes()
    {
        var snapshot = Snap(
            Condition("sepsis", Icd, "A41.9"),
            Condition("severe", Icd, "R65.20"),
            Condition("aki", Icd, "N17.9"),
            Condition("snomed-only", "http://snomed.info/sct", "91302008"));

        Assert.Equal(["sepsis", "severe"], Expressions.Ids("conditions().icd10('A41|R65.2')", snapshot));
        Assert.Equal(["severe"], Expressions.Ids("conditions().icd10('R652')", snapshot));
        Assert.Equal(["snomed-only"], Expressions.Ids("conditions().snomed('91302008|1234')", snapshot));
        Assert.Equal(["aki"], Expressions.Ids("conditions().coded('http://hl7.org/fhir/sid/icd-10-cm', 'N17.9')", snapshot));
    }

    [Fact]
    public void Conditions_RefutedOrEnteredInError_Excluded()
    {
        var snapshot = Snap(
            Condition("refuted", Icd, "A41.9", verification: "refuted"),
            Condition("error", Icd, "A41.9", verification: "entered-in-error"),
            Condition("confirmed", Icd, "A41.9", verification: "confirmed"));

        Assert.Equal(["confirmed"], Expressions.Ids("conditions()", snapshot));
    }

    [Fact]
    public void Conditions_OtherEncounterStillActive_IncludedResolvedBeforeExcluded()
    {
        var chronic = Condition("chronic", Icd, "I50.9", linkEncounter: false);
        chronic.Onset = new FhirDateTime("2020-01-01");
        var resolved = Condition("resolved", Icd, "J18.9", clinical: "resolved", linkEncounter: false);
        resolved.Onset = new FhirDateTime("2021-01-01");
        resolved.Abatement = new FhirDateTime("2021-02-01");
        var future = Condition("future", Icd, "E11.9", linkEncounter: false);
        future.Onset = new FhirDateTime("2027-01-01");

        Assert.Equal(["chronic"], Expressions.Ids("conditions()", Snap(chronic, resolved, future)));
    }

    [Fact]
    public void PatientAge_BirthdayAfterEncounterStart_NotYetCounted()
    {
        // Encounter starts 2026-03-10; born 1960-06-15 → 65, born 1960-03-10 → 66.
        Assert.Equal(65L, Expressions.Scalar("patientAge()", Snap()));
        var snapshot = new Clinical.Snapshot.EncounterSnapshot { Encounter = Encounter(), Patient = Patient("1960-03-10"), Resources = [] };
        Assert.Equal(66L, Expressions.Scalar("patientAge()", snapshot));
        Assert.Equal("female", Expressions.Scalar("patientSex()", snapshot));
    }

    [Fact]
    public void Medications_ByRxNormOrKeyword_StatusFiltered()
    {
        var snapshot = Snap(
            MedicationOrder("rx", "4603", "furosemide 40 MG Oral Tablet"),
            MedicationOrder("kw", "999999", "Bumetanide 1 MG Injection"),
            MedicationOrder("stopped", "4603", "furosemide", MedicationRequest.MedicationrequestStatus.Stopped),
            MedicationOrder("other", "1191", "aspirin"));

        Assert.Equal(["rx", "kw"], Expressions.Ids("medications('loop-diuretic')", snapshot));
    }

    [Fact]
    public void Medications_KeywordAnywhereIgnoringCase_InTheTextOrAnyDisplay()
    {
        var textOnly = MedicationOrder("text", "999999", "unused");
        textOnly.Medication = new CodeableConcept { Text = "IV BUMETANIDE drip" };
        var secondDisplay = MedicationOrder("second-display", "999999", "diuretic");
        ((CodeableConcept)secondDisplay.Medication).Coding.Add(new Hl7.Fhir.Model.Coding("http://example.org/local", "x", "Local FuroSemide 20mg"));
        var snapshot = Snap(
            textOnly,
            secondDisplay,
            MedicationOrder("inside-word", "999999", "Xfurosemidex"),
            MedicationOrder("partial", "999999", "furosemid 40 MG"),
            MedicationOrder("no-text", "999999", null!));

        Assert.Equal(["text", "second-display", "inside-word"], Expressions.Ids("medications('loop-diuretic')", snapshot));
    }

    [Fact]
    public void Notes_AffirmedAndHedged_Separated()
    {
        var snapshot = Snap(
            Note("affirmed", "Assessment: sepsis due to pneumonia."),
            Note("negated", "No signs of sepsis."),
            Note("hedged", "Possible sepsis, awaiting cultures."));

        Assert.Equal(["affirmed"], Expressions.Ids("notes('sepsis')", snapshot));
        Assert.Equal(["hedged"], Expressions.Ids("hedgedNotes('sepsis')", snapshot));
    }

    [Fact]
    public void Latest_SeveralObservations_ReturnsLastByTime()
    {
        var snapshot = Snap(
            Lab("b", "2160-0", 1.4m, "mg/dL", "2026-03-12T10:00:00Z"),
            Lab("a", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"));

        Assert.Equal(["b"], Expressions.Ids("observations('creatinine').latest()", snapshot));
    }

    [Fact]
    public void UnknownAnalyte_Runtime_ReturnsEmpty()
    {
        Assert.Empty(Expressions.Eval("observations('nope')", Snap()));
    }
}
