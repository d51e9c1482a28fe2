/**
 * Russian messages of the citizen's rating (issue 12): the form every channel shows (`rating.`: the portal's
 * /rate/:token, the kiosk's exit screen), the kiosk's way in by the ticket's QR (`kioskRating.`), and the
 * «Оцените» links of the ticket page and the case's status. The scale's five labels are the official ones
 * (Government Resolution 1284), never reworded.
 */
export const rating = {
  'rating.title': 'Оценка качества обслуживания',
  'rating.meta': 'Оцените визит в МФЦ или услугу по делу: пять вопросов, одна минута.',
  'rating.visit': 'Визит в офис',
  'rating.case': 'Дело № {number}',
  'rating.aboutVisit': 'Визит {date}: {office}',
  'rating.aboutCase': 'Документы приняты {date}: {office}',
  'rating.lead': 'Оцените, пожалуйста, по каждому из пяти критериев. Это займёт минуту.',
  'rating.criterion.time': 'Время предоставления услуги',
  'rating.criterion.waiting': 'Время ожидания в очереди',
  'rating.criterion.staff': 'Вежливость и компетентность сотрудника',
  'rating.criterion.comfort': 'Комфортность помещения',
  'rating.criterion.information': 'Доступность информации об услуге',
  'rating.score.1': 'очень плохо',
  'rating.score.2': 'плохо',
  'rating.score.3': 'нормально',
  'rating.score.4': 'хорошо',
  'rating.score.5': 'отлично',
  'rating.comment': 'Комментарий (необязательно)',
  'rating.commentHint':
    'Что было хорошо или что стоит исправить. Если поставили «плохо» или «очень плохо» и написали, что случилось, руководитель офиса разберётся и ответит.',
  'rating.keyboardOpen': 'Написать комментарий',
  'rating.keyboardClose': 'Скрыть клавиатуру',
  'rating.submit': 'Отправить оценку',
  'rating.sending': 'Отправляем…',
  'rating.missing': 'Оцените все пять критериев: не отмечено — {list}.',
  'rating.thanks': 'Спасибо за оценку!',
  'rating.thanksText': 'Ваша оценка поможет сделать работу МФЦ лучше.',
  'rating.followUp':
    'Нам жаль, что не всё прошло хорошо. Ваш комментарий передан руководителю офиса: он разберётся и ответит вам в течение 30 дней.',
  'rating.already': 'Этот визит уже оценён',
  'rating.alreadyCase': 'Это дело уже оценено',
  'rating.alreadyText': 'Оценку можно поставить один раз. Спасибо, что уделили время!',
  'rating.invalid': 'Ссылка для оценки недействительна',
  'rating.invalidText':
    'Проверьте, что ссылка скопирована полностью, или отсканируйте QR-код с талона или расписки ещё раз.',
  'rating.failed': 'Не удалось отправить оценку. Проверьте подключение к интернету и попробуйте ещё раз.',
  'rating.toHome': 'На главную',

  // the ticket page and a case's status
  'rating.rateVisit': 'Оцените визит',
  'rating.rateVisitHint': 'Пять вопросов о том, как вас обслужили. Одна минута.',
  'rating.rateCase': 'Оценить',
  'rating.rateCaseHint': 'Оцените качество обслуживания по этому делу.',

  // the kiosk
  'kioskRating.start': 'Оценить качество обслуживания',
  'kioskRating.title': 'Оценка качества обслуживания',
  'kioskRating.lead': 'Поднесите QR-код с вашего талона к сканеру.',
  'kioskRating.field': 'QR-код талона',
  'kioskRating.busy': 'Ищем талон…',
  'kioskRating.unreadable': 'QR-код не распознан. Поднесите к сканеру QR-код, напечатанный на талоне.',
  'kioskRating.notFound': 'Талон не найден. Поднесите к сканеру QR-код талона, выданного сегодня.',
  'kioskRating.notFinished':
    'Приём по этому талону ещё не закончен. Оценить визит можно после того, как вас обслужат.',
  'kioskRating.ticketHint':
    'После приёма оцените визит: поднесите этот QR-код к сканеру инфомата у выхода или откройте его на телефоне.',
  'kioskRating.done': 'Готово',
  'kioskRating.failed': 'Не удалось связаться с сервером. Попробуйте ещё раз.',
} as const;
