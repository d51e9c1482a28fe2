/** Region, districts, agencies, categories and life situations of the Lipetsk demo region. */

export const region = { code: 'lipetsk', name: 'Липецкая область', timeZone: 'Europe/Moscow' };

export interface District {
  code: string;
  name: string;
  kind: 'city' | 'rural';
  population: number;
}

export const districts: District[] = [
  { code: 'lipetsk-city', name: 'городской округ город Липецк', kind: 'city', population: 502_000 },
  { code: 'elets-city', name: 'городской округ город Елец', kind: 'city', population: 105_000 },
  { code: 'volovsky', name: 'Воловский муниципальный округ', kind: 'rural', population: 11_200 },
  { code: 'gryazinsky', name: 'Грязинский муниципальный район', kind: 'rural', population: 76_500 },
  { code: 'dankovsky', name: 'Данковский муниципальный район', kind: 'rural', population: 30_800 },
  { code: 'dobrinsky', name: 'Добринский муниципальный район', kind: 'rural', population: 32_400 },
  { code: 'dobrovsky', name: 'Добровский муниципальный округ', kind: 'rural', population: 22_300 },
  { code: 'dolgorukovsky', name: 'Долгоруковский муниципальный район', kind: 'rural', population: 15_100 },
  { code: 'eletsky', name: 'Елецкий муниципальный район', kind: 'rural', population: 28_600 },
  { code: 'zadonsky', name: 'Задонский муниципальный район', kind: 'rural', population: 32_100 },
  { code: 'izmalkovsky', name: 'Измалковский муниципальный округ', kind: 'rural', population: 14_200 },
  { code: 'krasninsky', name: 'Краснинский муниципальный округ', kind: 'rural', population: 11_000 },
  { code: 'lebedyansky', name: 'Лебедянский муниципальный район', kind: 'rural', population: 37_800 },
  { code: 'lev-tolstovsky', name: 'Лев-Толстовский муниципальный округ', kind: 'rural', population: 14_300 },
  { code: 'lipetsky', name: 'Липецкий муниципальный район', kind: 'rural', population: 58_900 },
  { code: 'stanovlyansky', name: 'Становлянский муниципальный округ', kind: 'rural', population: 15_400 },
  { code: 'terbunsky', name: 'Тербунский муниципальный округ', kind: 'rural', population: 21_600 },
  { code: 'usmansky', name: 'Усманский муниципальный район', kind: 'rural', population: 45_300 },
  { code: 'khlevensky', name: 'Хлевенский муниципальный округ', kind: 'rural', population: 17_400 },
  { code: 'chaplyginsky', name: 'Чаплыгинский муниципальный район', kind: 'rural', population: 26_900 },
];

export interface Agency {
  code: string;
  name: string;
  shortName: string;
  level: 'federal' | 'regional' | 'municipal';
  /** Accusative form for "Документы переданы в …" (generator only, not written to JSON). */
  to: string;
}

export const agencies: Agency[] = [
  // federal
  {
    code: 'mvd-migration',
    name: 'Управление по вопросам миграции УМВД России по Липецкой области',
    shortName: 'МВД (вопросы миграции)',
    level: 'federal',
    to: 'подразделение по вопросам миграции МВД',
  },
  {
    code: 'mvd-gai',
    name: 'Управление Госавтоинспекции УМВД России по Липецкой области',
    shortName: 'Госавтоинспекция',
    level: 'federal',
    to: 'Госавтоинспекцию',
  },
  {
    code: 'mvd-ic',
    name: 'Информационный центр УМВД России по Липецкой области',
    shortName: 'ИЦ УМВД',
    level: 'federal',
    to: 'Информационный центр УМВД',
  },
  {
    code: 'rosreestr',
    name: 'Управление Федеральной службы государственной регистрации, кадастра и картографии по Липецкой области',
    shortName: 'Росреестр',
    level: 'federal',
    to: 'Росреестр',
  },
  {
    code: 'roskadastr',
    name: 'Филиал публично-правовой компании «Роскадастр» по Липецкой области',
    shortName: 'ППК «Роскадастр»',
    level: 'federal',
    to: 'ППК «Роскадастр»',
  },
  {
    code: 'fns',
    name: 'Управление Федеральной налоговой службы по Липецкой области',
    shortName: 'ФНС России',
    level: 'federal',
    to: 'налоговый орган',
  },
  {
    code: 'sfr',
    name: 'Отделение Фонда пенсионного и социального страхования Российской Федерации по Липецкой области',
    shortName: 'Социальный фонд России',
    level: 'federal',
    to: 'Социальный фонд России',
  },
  {
    code: 'rosimushchestvo',
    name: 'Межрегиональное территориальное управление Росимущества в Воронежской и Липецкой областях',
    shortName: 'Росимущество',
    level: 'federal',
    to: 'Росимущество',
  },
  {
    code: 'fssp',
    name: 'Управление Федеральной службы судебных приставов по Липецкой области',
    shortName: 'ФССП России',
    level: 'federal',
    to: 'службу судебных приставов',
  },
  {
    code: 'rosgvardia',
    name: 'Центр лицензионно-разрешительной работы Управления Росгвардии по Липецкой области',
    shortName: 'Росгвардия',
    level: 'federal',
    to: 'Росгвардию',
  },
  {
    code: 'mchs',
    name: 'Главное управление МЧС России по Липецкой области',
    shortName: 'МЧС России',
    level: 'federal',
    to: 'ГУ МЧС России',
  },
  {
    code: 'rospotrebnadzor',
    name: 'Управление Роспотребнадзора по Липецкой области',
    shortName: 'Роспотребнадзор',
    level: 'federal',
    to: 'Роспотребнадзор',
  },
  {
    code: 'msp-corp',
    name: 'АО «Федеральная корпорация по развитию малого и среднего предпринимательства»',
    shortName: 'Корпорация МСП',
    level: 'federal',
    to: 'Корпорацию МСП',
  },
  {
    code: 'mse',
    name: 'ФКУ «Главное бюро медико-социальной экспертизы по Липецкой области» Минтруда России',
    shortName: 'Бюро МСЭ',
    level: 'federal',
    to: 'бюро медико-социальной экспертизы',
  },
  {
    code: 'rosseti',
    name: 'Филиал ПАО «Россети Центр» — «Липецкэнерго»',
    shortName: 'Россети Центр — Липецкэнерго',
    level: 'federal',
    to: 'сетевую организацию «Липецкэнерго»',
  },
  // regional
  {
    code: 'uszn',
    name: 'Управление социальной защиты населения Липецкой области',
    shortName: 'Соцзащита',
    level: 'regional',
    to: 'управление социальной защиты населения',
  },
  {
    code: 'zags',
    name: 'Управление записи актов гражданского состояния и архивов Липецкой области',
    shortName: 'Управление ЗАГС и архивов',
    level: 'regional',
    to: 'орган ЗАГС',
  },
  {
    code: 'stroy',
    name: 'Управление строительства и архитектуры Липецкой области',
    shortName: 'Управление строительства и архитектуры',
    level: 'regional',
    to: 'управление строительства и архитектуры',
  },
  {
    code: 'uizo',
    name: 'Управление имущественных и земельных отношений Липецкой области',
    shortName: 'Управление имущественных и земельных отношений',
    level: 'regional',
    to: 'управление имущественных и земельных отношений',
  },
  {
    code: 'health',
    name: 'Управление здравоохранения Липецкой области',
    shortName: 'Управление здравоохранения',
    level: 'regional',
    to: 'управление здравоохранения',
  },
  {
    code: 'tfoms',
    name: 'Территориальный фонд обязательного медицинского страхования Липецкой области',
    shortName: 'ТФОМС',
    level: 'regional',
    to: 'ТФОМС Липецкой области',
  },
  {
    code: 'education',
    name: 'Управление образования и науки Липецкой области',
    shortName: 'Управление образования и науки',
    level: 'regional',
    to: 'управление образования и науки',
  },
  {
    code: 'youth',
    name: 'Управление молодёжной политики Липецкой области',
    shortName: 'Управление молодёжной политики',
    level: 'regional',
    to: 'управление молодёжной политики',
  },
  {
    code: 'vet',
    name: 'Управление ветеринарии Липецкой области',
    shortName: 'Управление ветеринарии',
    level: 'regional',
    to: 'управление ветеринарии',
  },
  {
    code: 'gostekhnadzor',
    name: 'Инспекция государственного надзора за техническим состоянием самоходных машин и других видов техники Липецкой области',
    shortName: 'Гостехнадзор',
    level: 'regional',
    to: 'инспекцию Гостехнадзора',
  },
  {
    code: 'czn',
    name: 'ОКУ «Центр занятости населения Липецкой области»',
    shortName: 'Центр занятости',
    level: 'regional',
    to: 'центр занятости населения',
  },
  {
    code: 'gzhi',
    name: 'Государственная жилищная инспекция Липецкой области',
    shortName: 'Госжилинспекция',
    level: 'regional',
    to: 'Госжилинспекцию',
  },
  {
    code: 'ecology',
    name: 'Управление экологии и природных ресурсов Липецкой области',
    shortName: 'Управление экологии',
    level: 'regional',
    to: 'управление экологии и природных ресурсов',
  },
  {
    code: 'transport',
    name: 'Управление дорог и транспорта Липецкой области',
    shortName: 'Управление дорог и транспорта',
    level: 'regional',
    to: 'управление дорог и транспорта',
  },
  {
    code: 'trade',
    name: 'Управление потребительского рынка и ценовой политики Липецкой области',
    shortName: 'Управление потребительского рынка',
    level: 'regional',
    to: 'управление потребительского рынка',
  },
  {
    code: 'mfc',
    name: 'ОБУ «Уполномоченный многофункциональный центр предоставления государственных и муниципальных услуг Липецкой области»',
    shortName: 'МФЦ',
    level: 'regional',
    to: 'МФЦ',
  },
  {
    code: 'gas',
    name: 'АО «Газпром газораспределение Липецк»',
    shortName: 'Газпром газораспределение Липецк',
    level: 'regional',
    to: 'газораспределительную организацию',
  },
  {
    code: 'economy',
    name: 'Управление экономического развития Липецкой области',
    shortName: 'Управление экономического развития',
    level: 'regional',
    to: 'управление экономического развития',
  },
  {
    code: 'agri',
    name: 'Управление сельского хозяйства Липецкой области',
    shortName: 'Управление сельского хозяйства',
    level: 'regional',
    to: 'управление сельского хозяйства',
  },
  {
    code: 'fkr',
    name: 'Фонд капитального ремонта общего имущества многоквартирных домов Липецкой области',
    shortName: 'Фонд капремонта',
    level: 'regional',
    to: 'Фонд капитального ремонта',
  },
  {
    code: 'izbirkom',
    name: 'Избирательная комиссия Липецкой области',
    shortName: 'Избирательная комиссия',
    level: 'regional',
    to: 'избирательную комиссию',
  },
  {
    code: 'sport',
    name: 'Управление физической культуры и спорта Липецкой области',
    shortName: 'Управление физкультуры и спорта',
    level: 'regional',
    to: 'управление физической культуры и спорта',
  },
  {
    code: 'okn',
    name: 'Управление по охране объектов культурного наследия Липецкой области',
    shortName: 'Управление по охране объектов культурного наследия',
    level: 'regional',
    to: 'управление по охране объектов культурного наследия',
  },
  // municipal
  {
    code: 'adm-lipetsk',
    name: 'Администрация города Липецка',
    shortName: 'Администрация г. Липецка',
    level: 'municipal',
    to: 'администрацию города Липецка',
  },
  {
    code: 'adm-elets',
    name: 'Администрация городского округа город Елец',
    shortName: 'Администрация г. Ельца',
    level: 'municipal',
    to: 'администрацию города Ельца',
  },
  {
    code: 'omsu',
    name: 'Администрации муниципальных районов и округов Липецкой области',
    shortName: 'Администрация района (округа)',
    level: 'municipal',
    to: 'администрацию муниципального района (округа)',
  },
  {
    code: 'adm-settlement',
    name: 'Администрации сельских и городских поселений Липецкой области',
    shortName: 'Администрация поселения',
    level: 'municipal',
    to: 'администрацию поселения',
  },
  {
    code: 'adm-gryazinsky',
    name: 'Администрация Грязинского муниципального района',
    shortName: 'Администрация Грязинского района',
    level: 'municipal',
    to: 'администрацию Грязинского района',
  },
  {
    code: 'adm-lipetsky',
    name: 'Администрация Липецкого муниципального района',
    shortName: 'Администрация Липецкого района',
    level: 'municipal',
    to: 'администрацию Липецкого района',
  },
];

export const categories = [
  { code: 'passports', title: 'Паспорта и регистрация', titleEn: 'Passports and residence registration' },
  { code: 'realty', title: 'Недвижимость и земля', titleEn: 'Real estate and land' },
  { code: 'family', title: 'Семья и дети', titleEn: 'Family and children' },
  { code: 'social', title: 'Социальная поддержка', titleEn: 'Social support' },
  { code: 'pension', title: 'Пенсии и СНИЛС', titleEn: 'Pensions and SNILS' },
  { code: 'transport', title: 'Транспорт и водители', titleEn: 'Transport and drivers' },
  { code: 'taxes', title: 'Налоги', titleEn: 'Taxes' },
  { code: 'business', title: 'Предпринимательство', titleEn: 'Business' },
  { code: 'construction', title: 'Строительство', titleEn: 'Construction' },
  { code: 'housing', title: 'Жильё и ЖКХ', titleEn: 'Housing and utilities' },
  { code: 'archive', title: 'Архивные справки и документы ЗАГС', titleEn: 'Archive certificates' },
  { code: 'health', title: 'Здоровье', titleEn: 'Health' },
  { code: 'education', title: 'Образование', titleEn: 'Education' },
  { code: 'employment', title: 'Работа и занятость', titleEn: 'Employment' },
  { code: 'licences', title: 'Лицензии и разрешения', titleEn: 'Licences and permits' },
  { code: 'other', title: 'Другие услуги', titleEn: 'Other services' },
];

export const situations = [
  { code: 'birth', title: 'Рождение ребёнка', titleEn: 'Birth of a child' },
  { code: 'marriage', title: 'Вступление в брак', titleEn: 'Marriage' },
  { code: 'moving', title: 'Переезд, смена места жительства', titleEn: 'Moving house' },
  { code: 'buying-home', title: 'Покупка жилья', titleEn: 'Buying a home' },
  { code: 'retirement', title: 'Выход на пенсию', titleEn: 'Retirement' },
  { code: 'car', title: 'Покупка автомобиля', titleEn: 'Buying a car' },
  { code: 'business-start', title: 'Открытие бизнеса', titleEn: 'Starting a business' },
  { code: 'death', title: 'Потеря близкого человека', titleEn: 'Death of a relative' },
  { code: 'large-family', title: 'Многодетная семья', titleEn: 'Large family' },
  { code: 'disability', title: 'Инвалидность', titleEn: 'Disability' },
  { code: 'travel-abroad', title: 'Поездка за границу', titleEn: 'Travel abroad' },
  { code: 'building-house', title: 'Строительство дома', titleEn: 'Building a house' },
  { code: 'job-loss', title: 'Потеря работы', titleEn: 'Job loss' },
  { code: 'low-income', title: 'Малоимущая семья', titleEn: 'Low-income family' },
];
