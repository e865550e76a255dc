/*
 * forces.c — the forces table (see forces.h).
 */
#include "forces.h"

#include <stdlib.h>
#include <string.h>

const struct gen_force gen_forces[GEN_N_FORCES] = {
    {"warwickshire", "Warwickshire Police", -1.55, 52.30, 0.25,
     "North Warwickshire|Nuneaton and Bedworth|Rugby|Stratford-on-Avon|Warwick|Coventry|Birmingham"},
    {"west-mercia", "West Mercia Police", -2.45, 52.35, 0.40,
     "Worcester|Wychavon|Shropshire|Telford and Wrekin|Malvern Hills|Wyre Forest|Bromsgrove|Redditch"},
    {"leicestershire", "Leicestershire Police", -1.13, 52.64, 0.25,
     "Leicester|Charnwood|Blaby|Harborough|Hinckley and Bosworth|Melton|North West Leicestershire|Oadby and Wigston|Rutland"},
    {"northamptonshire", "Northamptonshire Police", -0.90, 52.27, 0.25,
     "Northampton|Daventry|Kettering|Corby|Wellingborough|East Northamptonshire|South Northamptonshire"},
    {"avon-and-somerset", "Avon and Somerset Constabulary", -2.75, 51.30, 0.35,
     "Bristol|Bath and North East Somerset|North Somerset|South Gloucestershire|Mendip|Sedgemoor|Taunton Deane"},
    {"bedfordshire", "Bedfordshire Police", -0.45, 52.05, 0.20,
     "Bedford|Central Bedfordshire|Luton"},
    {"cambridgeshire", "Cambridgeshire Constabulary", 0.05, 52.35, 0.30,
     "Cambridge|Peterborough|Huntingdonshire|Fenland|East Cambridgeshire|South Cambridgeshire"},
    {"cheshire", "Cheshire Constabulary", -2.55, 53.20, 0.25,
     "Cheshire East|Cheshire West and Chester|Halton|Warrington"},
    {"city-of-london", "City of London Police", -0.092, 51.515, 0.008,
     "City of London|Westminster|Tower Hamlets|Islington"},
    {"cleveland", "Cleveland Police", -1.20, 54.57, 0.15,
     "Middlesbrough|Stockton-on-Tees|Hartlepool|Redcar and Cleveland"},
    {"cumbria", "Cumbria Constabulary", -2.90, 54.55, 0.40,
     "Carlisle|Allerdale|Barrow-in-Furness|Copeland|Eden|South Lakeland"},
    {"derbyshire", "Derbyshire Constabulary", -1.60, 53.05, 0.30,
     "Derby|Amber Valley|Chesterfield|Erewash|High Peak|South Derbyshire"},
    {"devon-and-cornwall", "Devon & Cornwall Police", -4.20, 50.55, 0.70,
     "Plymouth|Exeter|Torbay|Cornwall|Teignbridge|East Devon|North Devon"},
    {"dorset", "Dorset Police", -2.30, 50.75, 0.30,
     "Bournemouth|Poole|Weymouth and Portland|West Dorset|Purbeck"},
    {"durham", "Durham Constabulary", -1.75, 54.70, 0.25,
     "County Durham|Darlington"},
    {"dyfed-powys", "Dyfed-Powys Police", -3.90, 52.20, 0.60,
     "Carmarthenshire|Ceredigion|Pembrokeshire|Powys"},
    {"essex", "Essex Police", 0.60, 51.80, 0.35,
     "Chelmsford|Colchester|Basildon|Southend-on-Sea|Thurrock|Harlow|Braintree"},
    {"gloucestershire", "Gloucestershire Constabulary", -2.20, 51.85, 0.30,
     "Gloucester|Cheltenham|Stroud|Tewkesbury|Cotswold|Forest of Dean"},
    {"greater-manchester", "Greater Manchester Police", -2.25, 53.50, 0.25,
     "Manchester|Salford|Bolton|Bury|Oldham|Rochdale|Stockport|Tameside|Trafford|Wigan"},
    {"gwent", "Gwent Police", -3.00, 51.70, 0.20,
     "Newport|Caerphilly|Blaenau Gwent|Torfaen|Monmouthshire"},
    {"hampshire", "Hampshire Constabulary", -1.30, 51.05, 0.40,
     "Southampton|Portsmouth|Basingstoke and Deane|Winchester|Isle of Wight|Eastleigh|Havant"},
    {"hertfordshire", "Hertfordshire Constabulary", -0.25, 51.80, 0.25,
     "St Albans|Watford|Stevenage|Dacorum|Welwyn Hatfield|Broxbourne|North Hertfordshire"},
    {"humberside", "Humberside Police", -0.50, 53.75, 0.35,
     "Kingston upon Hull|East Riding of Yorkshire|North Lincolnshire|North East Lincolnshire"},
    {"kent", "Kent Police", 0.75, 51.20, 0.40,
     "Maidstone|Canterbury|Medway|Dartford|Thanet|Ashford|Swale|Dover|Tonbridge and Malling"},
    {"lancashire", "Lancashire Constabulary", -2.60, 53.85, 0.35,
     "Preston|Blackpool|Blackburn with Darwen|Lancaster|Burnley|Chorley|Wyre"},
    {"lincolnshire", "Lincolnshire Police", -0.30, 53.10, 0.45,
     "Lincoln|Boston|East Lindsey|North Kesteven|South Holland|South Kesteven|West Lindsey"},
    {"merseyside", "Merseyside Police", -2.95, 53.42, 0.15,
     "Liverpool|Wirral|Sefton|Knowsley|St. Helens"},
    {"metropolitan", "Metropolitan Police Service", -0.12, 51.50, 0.30,
     "Westminster|Camden|Lambeth|Southwark|Hackney|Newham|Croydon|Barnet|Ealing|Brent|Haringey|Lewisham"},
    {"norfolk", "Norfolk Constabulary", 1.00, 52.65, 0.40,
     "Norwich|Great Yarmouth|King's Lynn and West Norfolk|Breckland|Broadland|North Norfolk"},
    {"north-wales", "North Wales Police", -3.70, 53.05, 0.40,
     "Wrexham|Conwy|Denbighshire|Flintshire|Gwynedd|Isle of Anglesey"},
    {"north-yorkshire", "North Yorkshire Police", -1.40, 54.10, 0.50,
     "York|Harrogate|Scarborough|Selby|Hambleton|Craven|Ryedale"},
    {"northumbria", "Northumbria Police", -1.65, 55.00, 0.30,
     "Newcastle upon Tyne|Sunderland|Gateshead|North Tyneside|South Tyneside|Northumberland"},
    {"nottinghamshire", "Nottinghamshire Police", -1.10, 53.05, 0.25,
     "Nottingham|Ashfield|Bassetlaw|Broxtowe|Gedling|Mansfield|Newark and Sherwood|Rushcliffe"},
    {"south-wales", "South Wales Police", -3.50, 51.60, 0.30,
     "Cardiff|Swansea|Bridgend|Neath Port Talbot|Rhondda Cynon Taf|Merthyr Tydfil|Vale of Glamorgan"},
    {"south-yorkshire", "South Yorkshire Police", -1.35, 53.50, 0.20,
     "Sheffield|Rotherham|Doncaster|Barnsley"},
    {"staffordshire", "Staffordshire Police", -2.05, 52.85, 0.30,
     "Stoke-on-Trent|Stafford|Cannock Chase|East Staffordshire|Lichfield|Newcastle-under-Lyme|Tamworth"},
    {"suffolk", "Suffolk Constabulary", 1.05, 52.20, 0.30,
     "Ipswich|Babergh|Forest Heath|Mid Suffolk|St Edmundsbury|Suffolk Coastal|Waveney"},
    {"surrey", "Surrey Police", -0.40, 51.25, 0.25,
     "Guildford|Woking|Elmbridge|Reigate and Banstead|Spelthorne|Waverley|Runnymede"},
    {"sussex", "Sussex Police", -0.30, 50.95, 0.45,
     "Brighton and Hove|Crawley|Eastbourne|Hastings|Worthing|Chichester|Horsham|Wealden"},
    {"thames-valley", "Thames Valley Police", -1.10, 51.65, 0.45,
     "Oxford|Reading|Milton Keynes|Slough|Aylesbury Vale|Wycombe|Cherwell|West Berkshire"},
    {"west-midlands", "West Midlands Police", -1.90, 52.48, 0.20,
     "Birmingham|Coventry|Wolverhampton|Dudley|Sandwell|Walsall|Solihull"},
    {"west-yorkshire", "West Yorkshire Police", -1.65, 53.78, 0.25,
     "Leeds|Bradford|Kirklees|Wakefield|Calderdale"},
    {"wiltshire", "Wiltshire Police", -1.95, 51.35, 0.30,
     "Swindon|Wiltshire"},
};

int gen_force_is_welsh(int fi)
{
    const char *s = gen_forces[fi].slug;
    return !strcmp(s, "dyfed-powys") || !strcmp(s, "gwent") || !strcmp(s, "north-wales") ||
           !strcmp(s, "south-wales");
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(gen_forces[*(const int *)a].name, gen_forces[*(const int *)b].name);
}

void gen_force_order(int *order, int n)
{
    for (int i = 0; i < n; i++)
        order[i] = i;
    qsort(order, (size_t)n, sizeof *order, cmp_name);
}
