/**
 * Russian messages of the booking at the kiosk (issue 10): the check-in of a booked visitor by the booking's
 * code (`kioskCheckIn.`) and a booking for a later day made at the kiosk (`kioskBook.`).
 */
export const kioskBooking = {
  // the first screen
  'kioskBook.startQuestion': 'Запись на приём',
  'kioskCheckIn.start': 'У меня запись',
  'kioskBook.start': 'Записаться на другой день',
  // check-in
  'kioskCheckIn.title': 'У меня запись',
  'kioskCheckIn.lead':
    'Введите код записи (8 знаков) на клавиатуре ниже или поднесите QR-код из подтверждения записи к сканеру.',
  'kioskCheckIn.codeLabel': 'Код записи',
  'kioskCheckIn.submit': 'Получить талон',
  'kioskCheckIn.busy': 'Проверяем запись…',
  'kioskCheckIn.bookedAt': 'По записи на {time}',
  'kioskCheckIn.lateWalkIn': 'Время записи прошло: талон в общую очередь',
  'kioskCheckIn.tooEarly': 'Слишком рано. Подойдите к инфомату в {time}.',
  'kioskCheckIn.tooEarlySoon': 'Слишком рано. Подойдите к инфомату ближе ко времени записи.',
  'kioskCheckIn.tooLate':
    'Время записи прошло. Возьмите талон в общую очередь на первом экране или запишитесь на другое время.',
  'kioskCheckIn.inactive': 'Эта запись отменена или по ней уже получен талон.',
  'kioskCheckIn.notFound': 'Запись не найдена. Проверьте код.',
  'kioskCheckIn.unreadable': 'Код не распознан. Код записи — 8 латинских букв и цифр, например ACEF-3479.',
  'kioskCheckIn.closed': 'Офис сейчас не выдаёт талоны.',
  'kioskCheckIn.failed': 'Не удалось проверить запись. Попробуйте ещё раз или обратитесь к администратору.',
  // booking for a later day
  'kioskBook.title': 'Запись на другой день',
  'kioskBook.serviceLead': 'Выберите услугу: найдите её по названию или в разделе.',
  'kioskBook.day': 'Выберите день',
  'kioskBook.free': {
    one: 'свободно: {n}',
    few: 'свободно: {n}',
    many: 'свободно: {n}',
    other: 'свободно: {n}',
  },
  'kioskBook.full': 'мест нет',
  'kioskBook.noDays': 'В ближайшие две недели свободного времени для этой услуги нет.',
  'kioskBook.time': 'Выберите время',
  'kioskBook.noTimes': 'В этот день свободного времени не осталось. Выберите другой день.',
  'kioskBook.notBookable': 'На эту услугу в этом офисе записаться нельзя. Возьмите талон в общую очередь.',
  'kioskBook.loadFailed': 'Не удалось загрузить свободное время. Попробуйте ещё раз.',
  'kioskBook.name': 'Как вас зовут?',
  'kioskBook.nameHint': 'Имя и фамилия — по ним вас пригласят к окну.',
  'kioskBook.nameLabel': 'Имя',
  'kioskBook.nameWrong': 'Проверьте имя.',
  'kioskBook.phone': 'Номер мобильного телефона',
  'kioskBook.phoneHint': 'По номеру и коду записи её можно перенести или отменить.',
  'kioskBook.phoneWrong': 'Нужен номер мобильного телефона: +7 9XX XXX-XX-XX.',
  'kioskBook.confirm': 'Проверьте запись',
  'kioskBook.when': 'Когда',
  'kioskBook.change': 'Изменить',
  'kioskBook.consents': 'Согласия',
  'kioskBook.consentPersonal':
    'Согласен(на) на обработку моих персональных данных (имя и телефон) для записи на приём',
  'kioskBook.consentSms': 'Присылать СМС о записи: подтверждение и напоминание накануне',
  'kioskBook.consentNeeded': 'Без согласия на обработку персональных данных записаться нельзя.',
  'kioskBook.submit': 'Записаться',
  'kioskBook.booking': 'Записываем…',
  'kioskBook.taken': 'Это время уже заняли',
  'kioskBook.takenText': 'Пока вы выбирали, это время заняли. Ближайшее свободное:',
  'kioskBook.takenNone': 'Пока вы выбирали, это время заняли. Выберите другой день.',
  'kioskBook.otherDay': 'Выбрать другой день',
  'kioskBook.limitService':
    'На этот номер уже есть запись на эту услугу. Её можно перенести на портале по коду записи.',
  'kioskBook.limitActive': 'На этот номер уже записано наибольшее число визитов. Отмените одну из записей.',
  'kioskBook.phoneLimitedUntil':
    'Запись по этому номеру закрыта до {date}: пропущено несколько визитов. Можно взять талон в общую очередь.',
  'kioskBook.phoneLimited':
    'Запись по этому номеру временно закрыта: пропущено несколько визитов. Можно взять талон в общую очередь.',
  'kioskBook.rateLimited': 'Слишком много попыток подряд. Подождите минуту и попробуйте снова.',
  'kioskBook.timeGone': 'Это время уже нельзя выбрать. Выберите другое.',
  'kioskBook.failed': 'Не удалось записаться. Попробуйте ещё раз или обратитесь к администратору.',
  'kioskBook.fix': 'Исправить',
  'kioskBook.done': 'Вы записаны',
  'kioskBook.code': 'Код записи',
  'kioskBook.keepCode': 'Сохраните код: по нему вы получите талон на инфомате в день приёма.',
  'kioskBook.comeHint': 'Талон по этому коду выдаст инфомат в день приёма с {from} до {until}.',
  'kioskBook.qr': 'QR-код страницы записи: перенос и отмена на телефоне',
  'kioskBook.qrHint':
    'Наведите камеру телефона, чтобы сохранить запись: там её можно перенести или отменить.',
} as const;
