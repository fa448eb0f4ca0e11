-- Issue 3: the shared partner register, invitations and answers per proposal, and the aggregated
-- consortium status of each proposal. Written in the same transaction as the engine step.

-- Organisations, kept once and reused across proposals. name_key is the lower-cased, trimmed name:
-- the same organisation in the same country cannot be registered twice, nor the same PIC.
create table partner_organisation (
  code varchar(60) primary key,
  name varchar(200) not null,
  name_key varchar(200) not null,
  country char(2) not null,
  organisation_type varchar(30) not null,
  pic char(9),
  contact_person varchar(200) not null,
  contact_email varchar(254) not null,
  created_at timestamp with time zone not null
);
create unique index ux_partner_organisation_name on partner_organisation (name_key, country);
create unique index ux_partner_organisation_pic on partner_organisation (pic);

-- A proposal's candidates: who was invited, in which role, until when, and how they answered.
-- Rows of the first version (recorded by hand) keep organisation_code null and answer 'confirmed'
-- or 'invited' from their confirmed flag.
alter table proposal_partner add column organisation_code varchar(60) references partner_organisation (code);
alter table proposal_partner add column answer varchar(20) default 'invited' not null;
alter table proposal_partner add column commitment_letter varchar(200);
alter table proposal_partner add column answer_comment varchar(1000);
alter table proposal_partner add column response_deadline timestamp with time zone;
alter table proposal_partner add column answered_at timestamp with time zone;
update proposal_partner set answer = 'confirmed' where confirmed = true;
create index ix_proposal_partner_organisation on proposal_partner (organisation_code);

-- The aggregated consortium of each proposal, refreshed after every answer.
create table consortium_status (
  reference varchar(20) primary key references proposal (reference),
  confirmed_count int not null,
  declined_count int not null,
  pending_count int not null,
  no_answer_count int not null,
  counting_entities int not null,
  countries varchar(200) not null,
  member_state_countries int not null,
  associated_countries int not null,
  organisation_types varchar(200) not null,
  coordinator varchar(200),
  eligible boolean,
  eligibility_reasons varchar(2000),
  summary varchar(4000) not null,
  updated_at timestamp with time zone not null
);

-- The organisations of the Arctic Smartness consortium of actors (domain.md) and a handful of
-- fictional partners abroad. Contact people and addresses are fictional.
insert into partner_organisation (code, name, name_key, country, organisation_type, pic, contact_person, contact_email, created_at) values
  ('LAPLAND-COUNCIL', 'Regional Council of Lapland', 'regional council of lapland', 'FI', 'public', null, 'Kaisa Revontuli', 'kaisa.revontuli@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('LUKE', 'Natural Resources Institute Finland (Luke)', 'natural resources institute finland (luke)', 'FI', 'research', null, 'Pekka Jäkälä', 'pekka.jakala@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('GTK', 'Geological Survey of Finland (GTK)', 'geological survey of finland (gtk)', 'FI', 'research', null, 'Sanna Kivikko', 'sanna.kivikko@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('DIGIPOLIS', 'Digipolis', 'digipolis', 'FI', 'cluster', null, 'Ville Merikoski', 'ville.merikoski@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('PROAGRIA-LAPPI', 'ProAgria Lappi', 'proagria lappi', 'FI', 'cluster', null, 'Tuomas Porolaitume', 'tuomas.porolaitume@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('LAPLAND-UAS', 'Lapland University of Applied Sciences', 'lapland university of applied sciences', 'FI', 'university', null, 'Riikka Tunturi', 'riikka.tunturi@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('ULAPLAND', 'University of Lapland', 'university of lapland', 'FI', 'university', null, 'Jussi Ounasvaara', 'jussi.ounasvaara@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('MTI', 'Multidimensional Tourism Institute (MTI)', 'multidimensional tourism institute (mti)', 'FI', 'university', null, 'Elina Kaamos', 'elina.kaamos@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('ROVANIEMI-DEVELOPMENT', 'Rovaniemi Development (Rovaniemen Kehitys)', 'rovaniemi development (rovaniemen kehitys)', 'FI', 'public', null, 'Mikko Ylläs', 'mikko.yllas@proposalflow.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('NORRBOTTEN-MINING-LAB', 'Norrbotten Mining Lab', 'norrbotten mining lab', 'SE', 'research', '999000011', 'Linnea Fjällström', 'linnea@norrbotten-mining-lab.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('TROMSO-ARCTIC-DESIGN', 'Tromsø Arctic Design Studio', 'tromsø arctic design studio', 'NO', 'sme', '999000022', 'Ola Nordlys', 'ola@arctic-design-studio.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('BALTIC-CIRCULAR', 'Baltic Circular Materials', 'baltic circular materials', 'EE', 'sme', '999000033', 'Kadri Rannamaa', 'kadri@baltic-circular.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('RUHR-PROCESS-INSTITUTE', 'Ruhr Process Engineering Institute', 'ruhr process engineering institute', 'DE', 'research', '999000044', 'Jonas Bergmann', 'jonas.bergmann@ruhr-process.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('WESTFJORDS-COAST', 'Westfjords Coastal Communities', 'westfjords coastal communities', 'IS', 'ngo', null, 'Sigrún Hafsdóttir', 'sigrun@westfjords-coast.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('DONEGAL-RURAL-HUB', 'Donegal Rural Innovation Hub', 'donegal rural innovation hub', 'IE', 'public', null, 'Aoife Carraig', 'aoife@donegal-rural-hub.example', timestamp with time zone '2026-01-01 00:00:00+00:00'),
  ('GDANSK-MARITIME-UNI', 'Gdańsk Maritime University', 'gdańsk maritime university', 'PL', 'university', '999000055', 'Marta Bursztyn', 'marta.bursztyn@gdansk-maritime.example', timestamp with time zone '2026-01-01 00:00:00+00:00');
