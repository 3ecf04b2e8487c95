# Meta descriptions of the public pages (search engines show them under the link).
seo-desc-home = Doorstart: peer groups nearby, anonymous help and step-by-step guides for parents who raise children alone. Free and in your own language.
seo-desc-finder = Find a peer group for parents near you. Enter your postcode and see where and when a group meets.
seo-desc-group = A peer group for parents: where and when it meets, who it is for and how to join.
seo-desc-meetup = A meetup of a peer group for parents: date, time, place and how to say you are coming.
seo-desc-guides = Step-by-step guides: benefits, money, rent, childcare and more. Plain words, in your own language.
seo-desc-guide = A step-by-step guide in plain words, to keep, print or have read aloud.
seo-desc-help = Ask an experienced parent or facilitator a question, anonymously. You do not need to give your name.
seo-desc-checkin = How are you doing? A short check-in for parents, with help nearby if you want it.
seo-desc-privacy = Which data Doorstart keeps, why and for how long. And how to have it deleted.
seo-desc-accessibility = How accessible Doorstart is: what works, what does not yet and how to report a problem.
seo-desc-what-happens = What happens when you sign up or ask a question? Explained step by step.
