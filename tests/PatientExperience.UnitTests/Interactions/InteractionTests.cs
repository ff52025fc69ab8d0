using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.UnitTests.Interactions;

public class InteractionTests
{
    private static readonly DateTime At = new(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);

    private static Interaction Call(string summary) =>
        new(patientId: 7, staffMemberId: 2, InteractionChannel.Phone, InteractionKind.Call, summary, At);

    [Fact]
    public void CutsALongSummaryToTheColumn()
    {
        var summary = new string('s', SchemaLimits.SummaryLength) + "TAIL";

        Assert.Equal(new string('s', SchemaLimits.SummaryLength), Call(summary).Summary);
    }

    [Fact]
    public void KeepsASummaryThatFits()
    {
        var summary = new string('s', SchemaLimits.SummaryLength);

        Assert.Equal(summary, Call(summary).Summary);
    }
}
