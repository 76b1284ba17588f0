using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;

namespace Relais.Web.Data.Configurations;

public sealed class ProgrammeProposalConfiguration : IEntityTypeConfiguration<ProgrammeProposal>
{
    public void Configure(EntityTypeBuilder<ProgrammeProposal> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Text).HasMaxLength(ProgrammeProposal.MaxText);
        // The PPAC page lists the open proposals of the patient's programme.
        builder.HasIndex(x => new { x.PatientId, x.LineageId, x.ProposedAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}
