"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-21 23:17:47.702898
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("audit_event",
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('officer', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('record_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('record_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('fields', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_record_id'), ['record_id'], unique=False)

    op.create_table('block',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('estate', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('address_line1', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('town', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('postcode', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('block', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_block_name'), ['name'], unique=True)

    op.create_table('contractor',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('conduct_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('conduct_signed_on', sa.Date(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contractor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contractor_name'), ['name'], unique=True)

    op.create_table('officer',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('display_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('failed_sign_ins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_officer_username'), ['username'], unique=True)

    op.create_table('setting',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('home',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('uprn', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('address_line1', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('address_line2', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('town', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('postcode', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('block_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('home', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_home_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_home_postcode'), ['postcode'], unique=False)
        batch_op.create_index(batch_op.f('ix_home_uprn'), ['uprn'], unique=True)

    op.create_table('operative',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('badge_number', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('operative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operative_contractor_id'), ['contractor_id'], unique=False)

    op.create_table('safetycheck',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('home_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('block_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('last_done', sa.Date(), nullable=True),
    sa.Column('certificate_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('next_due', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], ),
    sa.ForeignKeyConstraint(['home_id'], ['home.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('safetycheck', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safetycheck_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safetycheck_home_id'), ['home_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safetycheck_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_safetycheck_next_due'), ['next_due'], unique=False)

    op.create_table('tenant',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('tenancy_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('first_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('last_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('preferred_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('preferred_contact', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('interpreter_needed', sa.Boolean(), nullable=False),
    sa.Column('home_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('tenancy_start', sa.Date(), nullable=True),
    sa.Column('tenancy_end', sa.Date(), nullable=True),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('private_notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('search_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['home_id'], ['home.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenant_home_id'), ['home_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenant_last_name'), ['last_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenant_tenancy_ref'), ['tenancy_ref'], unique=True)

    op.create_table('adjustment',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('instruction', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('share_with_contractors', sa.Boolean(), nullable=False),
    sa.Column('consent_given', sa.Boolean(), nullable=False),
    sa.Column('consent_on', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('review_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('adjustment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adjustment_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_adjustment_review_date'), ['review_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_adjustment_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('job',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('job_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('home_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('block_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('contractor_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('operative_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('trade', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('job_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('appointment_start', sa.DateTime(), nullable=True),
    sa.Column('appointment_end', sa.DateTime(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('certificate_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('complaint_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('complainant_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('complainant_phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('complainant_consent', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], ),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], ),
    sa.ForeignKeyConstraint(['home_id'], ['home.id'], ),
    sa.ForeignKeyConstraint(['operative_id'], ['operative.id'], ),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_appointment_start'), ['appointment_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_contractor_id'), ['contractor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_home_id'), ['home_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_job_ref'), ['job_ref'], unique=True)
        batch_op.create_index(batch_op.f('ix_job_job_type'), ['job_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('riskwarning',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('home_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('instruction', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('details', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('severity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('review_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['home_id'], ['home.id'], ),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('riskwarning', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_riskwarning_home_id'), ['home_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_riskwarning_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_riskwarning_review_date'), ['review_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_riskwarning_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('safeguardingconcern',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('raised_by_officer_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('raised_by_contractor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('what_was_seen', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('referred_to', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['raised_by_officer_id'], ['officer.id'], ),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('safeguardingconcern', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguardingconcern_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('supportplan',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('strain', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('review_date', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supportplan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supportplan_review_date'), ['review_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_supportplan_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_supportplan_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('accessattempt',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('job_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('attempted_on', sa.Date(), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('letter_stage', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['job.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('accessattempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accessattempt_job_id'), ['job_id'], unique=False)

    op.create_table('conductfeedback',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('job_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('contractor_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('point', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('what_was_said', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action_taken', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], ),
    sa.ForeignKeyConstraint(['job_id'], ['job.id'], ),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conductfeedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conductfeedback_contractor_id'), ['contractor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conductfeedback_job_id'), ['job_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conductfeedback_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_conductfeedback_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('supportcontact',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('consent', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['supportplan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supportcontact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supportcontact_plan_id'), ['plan_id'], unique=False)

    op.create_table('supportmeasure',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('contractor_facing', sa.Boolean(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['supportplan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supportmeasure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supportmeasure_plan_id'), ['plan_id'], unique=False)

    op.create_table('supportplanjob',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('job_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['job.id'], ),
    sa.ForeignKeyConstraint(['plan_id'], ['supportplan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supportplanjob', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supportplanjob_job_id'), ['job_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supportplanjob_plan_id'), ['plan_id'], unique=False)

    op.create_table('visit',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('visit_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('officer_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('job_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['job_id'], ['job.id'], ),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], ),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_job_id'), ['job_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('followup',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('visit_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('assigned_to', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followup_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_followup_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_followup_visit_id'), ['visit_id'], unique=False)

    # ### end Alembic commands ###
    _create_tenant_search()


def _create_tenant_search() -> None:
    """Full-text index over each tenant's search text (trigram: any part of a name, reference,
    address or postcode), kept in step with the tenant table by triggers."""
    op.execute(
        "CREATE VIRTUAL TABLE tenant_fts USING fts5(search_text, content='tenant', "
        "content_rowid='rowid', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER tenant_fts_ai AFTER INSERT ON tenant BEGIN "
        "INSERT INTO tenant_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER tenant_fts_ad AFTER DELETE ON tenant BEGIN "
        "INSERT INTO tenant_fts(tenant_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER tenant_fts_au AFTER UPDATE OF search_text ON tenant BEGIN "
        "INSERT INTO tenant_fts(tenant_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
        "INSERT INTO tenant_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    # Short prefixes (under three letters) use these instead of the trigram index.
    op.execute("CREATE INDEX ix_tenant_last_name_nocase ON tenant (last_name COLLATE NOCASE)")
    op.execute("CREATE INDEX ix_tenant_search_text ON tenant (search_text)")


def downgrade() -> None:
    for trigger in ("tenant_fts_ai", "tenant_fts_ad", "tenant_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS tenant_fts")
    op.execute("DROP INDEX IF EXISTS ix_tenant_last_name_nocase")
    op.execute("DROP INDEX IF EXISTS ix_tenant_search_text")
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_followup_visit_id'))
        batch_op.drop_index(batch_op.f('ix_followup_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_followup_due_date'))

    op.drop_table('followup')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_visit_job_id'))
        batch_op.drop_index(batch_op.f('ix_visit_at'))

    op.drop_table('visit')
    with op.batch_alter_table('supportplanjob', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supportplanjob_plan_id'))
        batch_op.drop_index(batch_op.f('ix_supportplanjob_job_id'))

    op.drop_table('supportplanjob')
    with op.batch_alter_table('supportmeasure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supportmeasure_plan_id'))

    op.drop_table('supportmeasure')
    with op.batch_alter_table('supportcontact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supportcontact_plan_id'))

    op.drop_table('supportcontact')
    with op.batch_alter_table('conductfeedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conductfeedback_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_conductfeedback_received_on'))
        batch_op.drop_index(batch_op.f('ix_conductfeedback_job_id'))
        batch_op.drop_index(batch_op.f('ix_conductfeedback_contractor_id'))

    op.drop_table('conductfeedback')
    with op.batch_alter_table('accessattempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accessattempt_job_id'))

    op.drop_table('accessattempt')
    with op.batch_alter_table('supportplan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supportplan_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_supportplan_status'))
        batch_op.drop_index(batch_op.f('ix_supportplan_review_date'))

    op.drop_table('supportplan')
    with op.batch_alter_table('safeguardingconcern', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguardingconcern_tenant_id'))

    op.drop_table('safeguardingconcern')
    with op.batch_alter_table('riskwarning', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_riskwarning_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_riskwarning_review_date'))
        batch_op.drop_index(batch_op.f('ix_riskwarning_kind'))
        batch_op.drop_index(batch_op.f('ix_riskwarning_home_id'))

    op.drop_table('riskwarning')
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_job_status'))
        batch_op.drop_index(batch_op.f('ix_job_job_type'))
        batch_op.drop_index(batch_op.f('ix_job_job_ref'))
        batch_op.drop_index(batch_op.f('ix_job_home_id'))
        batch_op.drop_index(batch_op.f('ix_job_due_date'))
        batch_op.drop_index(batch_op.f('ix_job_contractor_id'))
        batch_op.drop_index(batch_op.f('ix_job_block_id'))
        batch_op.drop_index(batch_op.f('ix_job_appointment_start'))

    op.drop_table('job')
    with op.batch_alter_table('adjustment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adjustment_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_adjustment_review_date'))
        batch_op.drop_index(batch_op.f('ix_adjustment_kind'))

    op.drop_table('adjustment')
    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenant_tenancy_ref'))
        batch_op.drop_index(batch_op.f('ix_tenant_last_name'))
        batch_op.drop_index(batch_op.f('ix_tenant_home_id'))

    op.drop_table('tenant')
    with op.batch_alter_table('safetycheck', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safetycheck_next_due'))
        batch_op.drop_index(batch_op.f('ix_safetycheck_kind'))
        batch_op.drop_index(batch_op.f('ix_safetycheck_home_id'))
        batch_op.drop_index(batch_op.f('ix_safetycheck_block_id'))

    op.drop_table('safetycheck')
    with op.batch_alter_table('operative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operative_contractor_id'))

    op.drop_table('operative')
    with op.batch_alter_table('home', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_home_uprn'))
        batch_op.drop_index(batch_op.f('ix_home_postcode'))
        batch_op.drop_index(batch_op.f('ix_home_block_id'))

    op.drop_table('home')
    op.drop_table('setting')
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_officer_username'))

    op.drop_table('officer')
    with op.batch_alter_table('contractor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contractor_name'))

    op.drop_table('contractor')
    with op.batch_alter_table('block', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_block_name'))

    op.drop_table('block')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_record_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))

    op.drop_table('audit_event')
    # ### end Alembic commands ###
